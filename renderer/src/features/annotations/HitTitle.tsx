// A search result's title and abstract snippet the reader can highlight in (same keys as the paper
// pane: Shift+arrows or `s` select, `h` highlights), painting the paper's highlights under the search
// matches. The snippet is a window of the abstract: offsets are shifted by its start both ways.
import { useMemo, useState } from 'react';
import type { Annotation, AnnotationField } from '@shared/annotations/types';
import type { SearchHit, Span } from '@shared/api/schemas';
import { useApi } from '../../apiContext';
import { snippetWindow } from '../../components/TexText';
import { AnnotatableText } from './AnnotatableText';
import type { Paint } from './pieces';
import { useKinds } from './useKinds';
import { usePaperAnnotations } from './usePaperAnnotations';

/** The highlights of one field that lie inside [from, to), in offsets relative to `from`. */
export function paintsIn(
  items: readonly Annotation[],
  field: AnnotationField,
  from: number,
  to: number,
): Paint[] {
  return items.flatMap((a) =>
    a.field === field && a.anchor && !a.orphaned && a.anchor.start >= from && a.anchor.end <= to
      ? [{ id: a.id, start: a.anchor.start - from, end: a.anchor.end - from, kind: a.kind }]
      : [],
  );
}

export function HitTitle({
  hit,
  version,
  engaged,
}: {
  hit: SearchHit;
  version: number;
  /** The hit is under the cursor or open: worth loading its highlights. */
  engaged: boolean;
}) {
  const api = useApi();
  const kinds = useKinds(api, version);
  // Highlights are read only for hits the reader is at, not one list call per result.
  const [focused, setFocused] = useState(false);
  const ann = usePaperAnnotations(api, hit.paper.id, version, engaged || focused);
  const { title, abstract } = hit.paper;
  const win = useMemo(
    () => snippetWindow(abstract, hit.highlights.abstract),
    [abstract, hit.highlights.abstract],
  );
  const titlePaints = useMemo(
    () => paintsIn(ann.items, 'title', 0, title.length),
    [ann.items, title.length],
  );
  const abstractPaints = useMemo(
    () => paintsIn(ann.items, 'abstract', win.start, win.end),
    [ann.items, win.start, win.end],
  );
  const abstractMatches = useMemo(
    () =>
      hit.highlights.abstract
        .filter(([a, b]) => a >= win.start && b <= win.end)
        .map(([a, b]): Span => [a - win.start, b - win.start]),
    [hit.highlights.abstract, win.start, win.end],
  );
  const kind = kinds.kinds[0]?.id ?? 'claim';
  return (
    <>
      <div className="hit-title" data-testid="search-hit-title" onFocus={() => setFocused(true)}>
        <AnnotatableText
          field="title"
          text={title}
          paints={titlePaints}
          matches={hit.highlights.title}
          colourOf={kinds.colourOf}
          label="Title"
          testId="search-hit-title-text"
          onHighlight={(c) => void ann.add(c, kind)}
        />
      </div>
      {abstract && (
        <div
          className="hit-abstract"
          data-testid="search-hit-abstract"
          onFocus={() => setFocused(true)}
        >
          {win.start > 0 && '… '}
          <AnnotatableText
            field="abstract"
            text={abstract.slice(win.start, win.end)}
            paints={abstractPaints}
            matches={abstractMatches}
            colourOf={kinds.colourOf}
            label="Abstract"
            testId="search-hit-abstract-text"
            onHighlight={(c) =>
              void ann.add({ ...c, start: c.start + win.start, end: c.end + win.start }, kind)
            }
          />
          {win.end < abstract.length && ' …'}
        </div>
      )}
      {ann.error && (
        <div className="muted small" role="alert" data-testid="search-hit-title-error">
          {ann.error}
        </div>
      )}
    </>
  );
}
