// The tag filter used by the Library and Search toolbars: "All tags" plus each tag with its count.
import type { TagCount } from '../../../shared/api/schemas';

type Props = {
  tags: TagCount[];
  value: string;
  onChange(tag: string): void;
  label: string;
  testId: string;
};

export function TagSelect({ tags, value, onChange, label, testId }: Props) {
  return (
    <select
      className="select"
      aria-label={label}
      data-testid={testId}
      value={value}
      onChange={(e) => onChange(e.target.value)}
    >
      <option value="">All tags</option>
      {tags.map((t) => (
        <option key={t.tag} value={t.tag}>
          {t.tag} ({t.count})
        </option>
      ))}
    </select>
  );
}
