// A search result's title the reader can highlight in (same keys as the paper pane: Shift+arrows
// or `s` select, `h` highlights), painting the paper's title highlights under the search matches.
import { useMemo, useState } from 'react';
import type { SearchHit } from '../../../../shared/api/schemas';
import { useApi } from '../../apiContext';
import { AnnotatableText } from './AnnotatableText';
import type { Paint } from './pieces';
import { useKinds } from './useKinds';
import { usePaperAnnotations } from './usePaperAnnotations';

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
  const paints = useMemo<Paint[]>(
    () =>
      ann.items.flatMap((a) =>
        a.field === 'title' && a.anchor && !a.orphaned
          ? [{ id: a.id, start: a.anchor.start, end: a.anchor.end, kind: a.kind }]
          : [],
      ),
    [ann.items],
  );
  const kind = kinds.kinds[0]?.id ?? 'claim';
  return (
    <>
      <div className="hit-title" data-testid="search-hit-title" onFocus={() => setFocused(true)}>
        <AnnotatableText
          field="title"
          text={hit.paper.title}
          paints={paints}
          matches={hit.highlights.title}
          colourOf={kinds.colourOf}
          label="Title"
          testId="search-hit-title-text"
          onHighlight={(c) => void ann.add(c, kind)}
        />
      </div>
      {ann.error && (
        <div className="muted small" role="alert" data-testid="search-hit-title-error">
          {ann.error}
        </div>
      )}
    </>
  );
}
