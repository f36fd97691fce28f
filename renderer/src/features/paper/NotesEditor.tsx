// The paper's own notes: autosaved ~500 ms after typing stops, on blur, and at once when the page
// is hidden or unloaded (reload, close), with a visible status.
import { useState, type Ref } from 'react';
import { useAutosave, type SaveOptions } from './useAutosave';

export const NOTES_DEBOUNCE_MS = 500;

type Props = {
  initial: string;
  /** `opts.unloading`: the page is going away; the transport should send at once (keepalive). */
  save(notes: string, opts: SaveOptions): Promise<void>;
  ref?: Ref<HTMLTextAreaElement>;
};

const STATUS_TEXT = {
  idle: '',
  pending: 'Saving…',
  saving: 'Saving…',
  saved: 'Saved',
  error: 'Not saved',
} as const;

export function NotesEditor({ initial, save, ref }: Props) {
  const [value, setValue] = useState(initial);
  const { status, error, change, flush } = useAutosave(save, NOTES_DEBOUNCE_MS);
  return (
    <div className="notes">
      <div className="section-head">
        <label htmlFor="notes-input">Notes</label>
        <span
          className={`notes-status ${status === 'error' ? 'error' : ''}`}
          data-testid="notes-status"
          aria-live="polite"
          title={error ?? undefined}
        >
          {STATUS_TEXT[status]}
          {status === 'error' && error ? `: ${error}` : ''}
        </span>
      </div>
      <textarea
        ref={ref}
        id="notes-input"
        className="notes-input"
        data-testid="notes-input"
        placeholder="Your notes on this paper: what it claims, what you doubt, what to try…"
        value={value}
        onChange={(e) => {
          setValue(e.target.value);
          change(e.target.value);
        }}
        onBlur={flush}
      />
    </div>
  );
}
