// The tag vocabulary: each tag's colour, description and counts; create, edit (rename, describe,
// recolour), merge and delete with undo. Keys: j/k move, n new, e edit, m merge, Delete delete.
import { useEffect, useRef, useState } from 'react';
import type { TagInfo } from '@shared/api/tagging-contract';
import { MergeDialog } from './MergeDialog';
import { TagForm } from './TagForm';
import { useTagActions } from './useTagActions';
import { nextColor } from './format';
import type { Undoable } from './ReviewQueue';
import type { Vocabulary } from './useVocabulary';
import { useVocabularyKeys } from './useVocabularyKeys';
import { VocabList } from './VocabList';

type Props = {
  active: boolean;
  vocabulary: Vocabulary;
  onChanged(): void;
  onUndoable(u: Undoable): void;
  /** Bumping it focuses the name of a new tag (from the palette or the queue's empty state). */
  newNonce?: number;
};

export const VOCABULARY_KEYS: readonly { keys: string; what: string }[] = [
  { keys: 'J / K', what: 'Move between tags' },
  { keys: 'N', what: 'New tag' },
  { keys: 'E / Enter', what: 'Edit name, description, colour' },
  { keys: 'M', what: 'Merge into another tag…' },
  { keys: 'Delete', what: 'Delete the tag (undo with Mod+Z)' },
];

export function VocabularyPanel({ active, vocabulary, onChanged, onUndoable, newNonce }: Props) {
  const tags = vocabulary.tags;
  const [cursor, setCursor] = useState(0);
  const [editing, setEditing] = useState<string | null>(null);
  const [merging, setMerging] = useState<TagInfo | null>(null);
  const newNameRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const cur = tags && tags.length ? Math.min(cursor, tags.length - 1) : 0;
  const { create, save, remove, merge, error, setError, formKey, given } = useTagActions({
    changed: () => {
      vocabulary.reload();
      onChanged();
    },
    onUndoable,
    // Ready for the next one: describing a vocabulary is typing several in a row.
    onCreated: () => requestAnimationFrame(() => newNameRef.current?.focus()),
    onSaved: () => {
      setEditing(null);
      listRef.current?.focus();
    },
  });

  useVocabularyKeys(active, listRef, {
    tags,
    cur,
    editing,
    merging,
    setCursor,
    focusNew: () => newNameRef.current?.focus(),
    edit: setEditing,
    startMerge: setMerging,
    remove,
  });

  useEffect(() => {
    if (newNonce) newNameRef.current?.focus();
  }, [newNonce]);

  return (
    <div className="vocabulary" data-testid="vocabulary">
      <section className="vocab-create">
        <h2>New tag</h2>
        <TagForm
          key={formKey}
          nameRef={newNameRef}
          testId="tag-create"
          submitLabel="Add tag"
          initial={{
            name: '',
            description: '',
            color: nextColor([...(tags ?? []).map((t) => t.color), ...given]),
          }}
          onSubmit={create}
        />
        <p className="muted small">
          The description is what the zero-shot tagger and the LLM read: one plain sentence saying
          what a paper with this tag is about works best.
        </p>
      </section>
      {(vocabulary.error || error) && (
        <div className="banner banner-error" role="alert" data-testid="vocab-error">
          {error ?? vocabulary.error}
          <button
            type="button"
            className="button small"
            onClick={() => {
              setError(null);
              vocabulary.reload();
            }}
          >
            Retry
          </button>
        </div>
      )}
      {tags && tags.length === 0 && (
        <div className="empty-state vocab-empty" data-testid="vocab-empty">
          <p>
            No tags yet. Add tags with a one-sentence description, then run suggestions from the
            Review tab. Tags your papers already carry appear here by themselves.
          </p>
        </div>
      )}
      {tags && tags.length > 0 && (
        <VocabList
          listRef={listRef}
          tags={tags}
          cur={cur}
          editing={editing}
          setCursor={setCursor}
          setEditing={setEditing}
          onSave={save}
          onCancelEdit={() => {
            setEditing(null);
            listRef.current?.focus();
          }}
          onMerge={setMerging}
          onRemove={(t) => void remove(t)}
        />
      )}
      {merging && tags && (
        <MergeDialog
          from={merging}
          tags={tags}
          onClose={() => {
            setMerging(null);
            listRef.current?.focus();
          }}
          onMerge={(into) => merge(merging, into)}
        />
      )}
    </div>
  );
}
