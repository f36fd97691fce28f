// The Library's "No papers match …" line: says which filters left the list empty, with Clear filters.
import type { parseTagFilter } from '../../components/TagSelect';

type Props = {
  text: string;
  /** The tag filter's value ('' for none) and its parts. */
  activeTag: string;
  tagFilter: ReturnType<typeof parseTagFilter>;
  clusterLabel: string | undefined;
  selectionLabel: string | null;
  /** '' (none), `*` (any highlight) or a kind id, with that kind's label. */
  annotationKind: string;
  kindLabel: string;
  onClear(): void;
};

export function NoMatch(p: Props) {
  const { text, activeTag, tagFilter, annotationKind } = p;
  return (
    <div className="no-match">
      No papers match {text ? <strong>“{text}”</strong> : null}
      {text && activeTag ? ' with ' : null}
      {tagFilter.tag ? 'tag ' : tagFilter.suggestedTag ? 'suggested tag ' : null}
      {tagFilter.cluster ? 'in cluster ' : null}
      {activeTag ? (
        <strong>{tagFilter.tag ?? tagFilter.suggestedTag ?? p.clusterLabel}</strong>
      ) : null}
      {p.selectionLabel !== null ? ` in ${p.selectionLabel}` : null}
      {annotationKind === '*' ? ' with highlights' : null}
      {annotationKind && annotationKind !== '*' ? (
        <>
          {' with '}
          <strong>{p.kindLabel.toLowerCase()}</strong> highlights
        </>
      ) : null}
      .{' '}
      <button type="button" className="link-button" onClick={p.onClear}>
        Clear filters
      </button>
    </div>
  );
}
