// A notebook paper cell's abstract with the paper's highlights painted; select in it (mouse or
// keyboard), keys 1–9 pick a kind, `h` highlights, Enter quotes the selection or the highlight at
// the caret into the cell's annotation (highlighting the selection first).
import { useMemo, useState } from 'react';
import type { Api } from '@shared/api/client';
import type { Paper } from '@shared/api/schemas';
import type { Annotation } from '@shared/annotations/types';
import { AnnotatableText } from './AnnotatableText';
import type { Capture } from './capture';
import { quoteMarkdown } from './quote';
import { useKinds } from './useKinds';
import { usePaperAnnotations } from './usePaperAnnotations';

export function CellAbstract({
  api,
  paper,
  onQuote,
}: {
  api: Api;
  paper: Paper;
  /** Markdown of a quoted highlight, for the cell to append to its annotation. */
  onQuote(markdown: string): void;
}) {
  const kinds = useKinds(api);
  const ann = usePaperAnnotations(api, paper.id);
  const [kind, setKind] = useState<string | null>(null);
  const current =
    kind && kinds.kinds.some((k) => k.id === kind) ? kind : (kinds.kinds[0]?.id ?? 'claim');
  const paints = useMemo(
    () =>
      ann.items.flatMap((a) =>
        a.field === 'abstract' && a.anchor && !a.orphaned
          ? [{ id: a.id, start: a.anchor.start, end: a.anchor.end, kind: a.kind }]
          : [],
      ),
    [ann.items],
  );
  const quote = (a: Annotation) => onQuote(quoteMarkdown(a, kinds.labelOf(a.kind)));
  const label = kinds.kinds.find((k) => k.id === current)?.label ?? current;

  return (
    <div
      className="nb-paper-abstract"
      onKeyDown={(e) => {
        if (e.ctrlKey || e.metaKey || e.altKey || !/^[1-9]$/.test(e.key)) return;
        const k = kinds.kinds[Number(e.key) - 1];
        if (k) {
          e.preventDefault();
          setKind(k.id);
        }
      }}
    >
      <AnnotatableText
        field="abstract"
        text={paper.abstract}
        paints={paints}
        colourOf={kinds.colourOf}
        label={`Abstract (highlight kind ${label}; 1–9 change it; Enter quotes into the annotation)`}
        testId="cell-abstract"
        onHighlight={(c: Capture) => void ann.add(c, current)}
        onComment={(c, id) => {
          if (c) void ann.add(c, current).then((a) => a && quote(a));
          else {
            const a = ann.items.find((x) => x.id === id);
            if (a) quote(a);
          }
        }}
      />
      {ann.items.length > 0 && (
        <div className="muted small" data-testid="cell-highlight-count">
          {ann.items.length} highlight{ann.items.length === 1 ? '' : 's'}
          {ann.items.some((a) => a.orphaned) ? ' (some orphaned: see the paper pane)' : ''}
        </div>
      )}
    </div>
  );
}
