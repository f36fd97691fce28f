// Tags as chips: type and press Enter (or comma) to add, click × to remove.
import { errorMessage } from '@shared/api/errors';
import { useState } from 'react';

type Props = {
  tags: string[];
  suggestions: string[];
  onChange(tags: string[]): Promise<void>;
};

export function TagEditor({ tags, suggestions, onChange }: Props) {
  const [input, setInput] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const commit = async (next: string[]) => {
    setBusy(true);
    try {
      await onChange(next);
      setError(null);
      return true;
    } catch (err) {
      setError(errorMessage(err));
      return false;
    } finally {
      setBusy(false);
    }
  };

  const add = async () => {
    const fresh = input
      .split(',')
      .map((t) => t.trim())
      .filter((t) => t && !tags.includes(t));
    if (fresh.length === 0) {
      setInput('');
      return;
    }
    if (await commit([...tags, ...new Set(fresh)])) setInput('');
  };

  return (
    <div className="tags">
      <div className="section-head">
        <label htmlFor="tag-input">Tags</label>
      </div>
      <div className="chips">
        {tags.map((t) => (
          <span key={t} className="chip" data-testid="tag-chip">
            {t}
            <button
              type="button"
              className="chip-remove"
              aria-label={`Remove tag ${t}`}
              disabled={busy}
              onClick={() => void commit(tags.filter((x) => x !== t))}
            >
              ×
            </button>
          </span>
        ))}
        <input
          id="tag-input"
          className="tag-input"
          data-testid="tag-input"
          list="tag-suggestions"
          placeholder={tags.length ? 'Add tag' : 'Add a tag and press Enter'}
          value={input}
          disabled={busy}
          onChange={(e) => setInput(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' || e.key === ',') {
              e.preventDefault();
              void add();
            } else if (e.key === 'Backspace' && input === '' && tags.length) {
              void commit(tags.slice(0, -1));
            }
          }}
        />
        <datalist id="tag-suggestions">
          {suggestions
            .filter((s) => !tags.includes(s))
            .map((s) => (
              <option key={s} value={s} />
            ))}
        </datalist>
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
