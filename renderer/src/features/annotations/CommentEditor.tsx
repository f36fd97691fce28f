// A highlight's comment: Markdown with `$…$` math, previewed as it will show; Ctrl+Enter (or
// Save) keeps it, Escape leaves it unchanged.
import { useState } from 'react';
import { MAX_COMMENT_CHARS } from '@shared/api/annotations-contract';
import { MarkdownView } from '../notebooks/cells/MarkdownCellView';

export function CommentEditor({
  initial,
  quote,
  onSave,
  onCancel,
  openPaper,
}: {
  initial: string;
  quote: string;
  onSave(comment: string): void;
  onCancel(): void;
  openPaper(id: string): void;
}) {
  const [text, setText] = useState(initial);
  const tooLong = text.length > MAX_COMMENT_CHARS;
  return (
    <div className="ann-editor" data-testid="comment-editor">
      <label className="muted small" htmlFor="ann-comment">
        Comment on “{quote.length > 80 ? `${quote.slice(0, 80)}…` : quote}”
      </label>
      <textarea
        id="ann-comment"
        data-testid="comment-input"
        autoFocus
        value={text}
        placeholder="Markdown and $math$; Ctrl+Enter saves, Esc cancels"
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            e.stopPropagation();
            onCancel();
          } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !tooLong) {
            e.preventDefault();
            onSave(text);
          }
        }}
      />
      {tooLong && (
        <p className="field-error" role="alert">
          The comment is {text.length.toLocaleString('en')} characters; at most{' '}
          {MAX_COMMENT_CHARS.toLocaleString('en')} fit. Put longer writing in the paper’s notes.
        </p>
      )}
      {text.trim() && (
        <div className="ann-preview" aria-label="Preview">
          <MarkdownView source={text} openPaper={openPaper} testId="comment-preview" />
        </div>
      )}
      <div className="ann-editor-actions">
        <button
          type="button"
          className="button small primary"
          data-testid="comment-save"
          disabled={tooLong}
          onClick={() => onSave(text)}
        >
          Save comment
        </button>
        <button type="button" className="button small" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
