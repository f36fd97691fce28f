// The fields of a tag: name, one-sentence description and colour; used to create and to edit.
import { useRef, useState, type FormEvent } from 'react';
import { TagSchema } from '@shared/api/schemas';
import { errorMessage } from '@shared/api/errors';

export type TagDraft = { name: string; description: string; color: string };

type Props = {
  initial: TagDraft;
  submitLabel: string;
  /** Throws with a message to show when the service refuses. */
  onSubmit(draft: TagDraft): Promise<void>;
  onCancel?(): void;
  testId: string;
  autoFocus?: boolean;
  nameRef?: React.RefObject<HTMLInputElement | null>;
};

export function TagForm({
  initial,
  submitLabel,
  onSubmit,
  onCancel,
  testId,
  autoFocus,
  nameRef,
}: Props) {
  const [draft, setDraft] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ownRef = useRef<HTMLInputElement>(null);
  const ref = nameRef ?? ownRef;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const parsed = TagSchema.safeParse(draft.name);
    if (!parsed.success) {
      setError(`Name: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
      ref.current?.focus();
      return;
    }
    setBusy(true);
    try {
      await onSubmit({ ...draft, name: parsed.data, description: draft.description.trim() });
      setError(null);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="tag-form"
      data-testid={testId}
      onSubmit={(e) => void submit(e)}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && onCancel) {
          e.stopPropagation();
          onCancel();
        }
      }}
    >
      <input
        ref={ref}
        className="tag-input tag-form-name"
        aria-label="Tag name"
        placeholder="Name, e.g. scaling-laws"
        data-testid={`${testId}-name`}
        value={draft.name}
        autoFocus={autoFocus}
        onChange={(e) => setDraft((d) => ({ ...d, name: e.target.value }))}
      />
      <input
        className="tag-input tag-form-description"
        aria-label="Description"
        placeholder="One sentence: what papers with this tag are about"
        data-testid={`${testId}-description`}
        maxLength={1000}
        value={draft.description}
        onChange={(e) => setDraft((d) => ({ ...d, description: e.target.value }))}
      />
      <input
        type="color"
        className="tag-form-color"
        aria-label="Colour"
        data-testid={`${testId}-color`}
        value={draft.color}
        onChange={(e) => setDraft((d) => ({ ...d, color: e.target.value }))}
      />
      <button
        type="submit"
        className="button primary"
        disabled={busy}
        data-testid={`${testId}-submit`}
      >
        {submitLabel}
      </button>
      {onCancel && (
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      )}
      {error && (
        <p className="field-error tag-form-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
