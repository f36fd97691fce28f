// The paper's highlights in text order: kind, field, the passage (math rendered), the comment;
// orphaned ones (their passage is gone from the text) flagged and kept. Each can be dragged into a
// notebook cell as a quote.
import type { Annotation } from '@shared/annotations/types';
import { Icon } from '../../components/Icon';
import { TexText } from '../../components/TexText';
import { MarkdownView } from '../notebooks/cells/MarkdownCellView';
import { HIGHLIGHT_MIME, quoteMarkdown } from './quote';
import type { Kinds } from './useKinds';

type Props = {
  items: readonly Annotation[];
  kinds: Kinds;
  active: string | null;
  onActivate(id: string): void;
  onComment(id: string): void;
  onKind(id: string, kind: string): void;
  onRemove(id: string): void;
  openPaper(id: string): void;
};

function order(a: Annotation, b: Annotation): number {
  if (a.field !== b.field) return a.field === 'title' ? -1 : 1;
  const pa = a.anchor?.start ?? a.selectors.position.start;
  const pb = b.anchor?.start ?? b.selectors.position.start;
  return pa - pb;
}

export function HighlightList({
  items,
  kinds,
  active,
  onActivate,
  onComment,
  onKind,
  onRemove,
  openPaper,
}: Props) {
  if (items.length === 0)
    return (
      <p className="muted small">
        No highlights. Select text in the title or abstract (mouse, or focus it and use
        Shift+arrows; <kbd>s</kbd> takes a sentence), then <kbd>h</kbd> to highlight or{' '}
        <kbd>Enter</kbd> to comment.
      </p>
    );
  return (
    <ul className="ann-list" data-testid="highlight-list">
      {[...items].sort(order).map((a) => (
        <li
          key={a.id}
          id={`highlight-${a.id}`}
          className={`ann-item${a.orphaned ? ' ann-orphaned' : ''}${a.id === active ? ' ann-current' : ''}`}
          data-testid="highlight-item"
          data-orphaned={a.orphaned ? 'true' : 'false'}
          style={{ ['--hl' as string]: kinds.colourOf(a.kind) }}
          draggable
          onDragStart={(e) => {
            const md = quoteMarkdown(a, kinds.labelOf(a.kind));
            e.dataTransfer.setData(HIGHLIGHT_MIME, a.id);
            e.dataTransfer.setData('text/plain', md);
            e.dataTransfer.effectAllowed = 'copy';
          }}
          onClick={() => onActivate(a.id)}
        >
          <div className="ann-item-head">
            <span className="ann-swatch" aria-hidden />
            <select
              aria-label="Kind"
              className="ann-kind-select"
              value={a.kind}
              onChange={(e) => onKind(a.id, e.target.value)}
            >
              {kinds.kinds.map((k) => (
                <option key={k.id} value={k.id}>
                  {k.label}
                </option>
              ))}
              {!kinds.kinds.some((k) => k.id === a.kind) && (
                <option value={a.kind}>{a.kind}</option>
              )}
            </select>
            <span>{a.field}</span>
            {a.orphaned && (
              <span
                className="ann-orphan-flag"
                data-testid="orphaned-flag"
                title="This passage is no longer in the paper's text (it was edited). The highlight is kept."
              >
                orphaned
              </span>
            )}
            {!a.orphaned && a.anchor && a.anchor.method !== 'position' && (
              <span title="The passage moved or changed a little; the highlight followed it.">
                moved
              </span>
            )}
            <span className="ann-spacer" />
            <button
              type="button"
              className="icon-button"
              aria-label={a.comment ? 'Edit comment' : 'Add comment'}
              title={a.comment ? 'Edit comment' : 'Add comment'}
              onClick={(e) => {
                e.stopPropagation();
                onComment(a.id);
              }}
            >
              <Icon name="edit" size={14} />
            </button>
            <button
              type="button"
              className="icon-button"
              aria-label="Delete highlight"
              title="Delete highlight"
              onClick={(e) => {
                e.stopPropagation();
                onRemove(a.id);
              }}
            >
              <Icon name="trash" size={14} />
            </button>
          </div>
          <blockquote data-testid="highlight-quote">
            <TexText text={a.selectors.quote.exact} />
          </blockquote>
          {a.comment && (
            <div className="ann-comment" data-testid="highlight-comment">
              <MarkdownView
                source={a.comment}
                openPaper={openPaper}
                testId="highlight-comment-md"
              />
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}
