// The kinds of highlight as coloured chips, numbered so keys 1–9 pick one while selecting.
import type { AnnotationKind } from '@shared/annotations/types';

export function KindPicker({
  kinds,
  value,
  onChange,
}: {
  kinds: readonly AnnotationKind[];
  value: string;
  onChange(kind: string): void;
}) {
  return (
    <span className="ann-kinds" role="group" aria-label="Highlight kind">
      {kinds.map((k, i) => (
        <button
          key={k.id}
          type="button"
          className="ann-kind-chip"
          data-testid={`kind-${k.id}`}
          aria-pressed={k.id === value}
          style={{ ['--hl' as string]: k.color }}
          title={i < 9 ? `${k.label} (${i + 1})` : k.label}
          // Keep the text's selection: a click on a chip must not take the focus from it.
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => onChange(k.id)}
        >
          <span className="ann-swatch" aria-hidden />
          {k.label}
          {i < 9 && <span className="ann-key">{i + 1}</span>}
        </button>
      ))}
    </span>
  );
}
