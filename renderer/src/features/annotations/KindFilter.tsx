// The library's "has highlights" filter: any kind, or one kind of the library's list.
import type { AnnotationKind } from '@shared/annotations/types';

type Props = {
  kinds: readonly AnnotationKind[];
  /** '' for no filter, `*` for any kind, else a kind id (the `annotationKind` of library:list). */
  value: string;
  onChange(value: string): void;
};

export function KindFilter({ kinds, value, onChange }: Props) {
  // A kind removed from the list since it was picked still shows, so the select never lies.
  const stale = value !== '' && value !== '*' && !kinds.some((k) => k.id === value);
  return (
    <select
      className="select"
      aria-label="Filter by highlights"
      data-testid="highlight-filter"
      value={value}
      onChange={(e) => onChange(e.target.value)}
    >
      <option value="">Any highlights or none</option>
      <option value="*">With highlights</option>
      {kinds.map((k) => (
        <option key={k.id} value={k.id}>
          With {k.label.toLowerCase()} highlights
        </option>
      ))}
      {stale && <option value={value}>With {value} highlights</option>}
    </select>
  );
}
