// The tag vocabulary: each tag's colour, description and counts; create, edit (rename, describe,
// recolour), merge and delete with undo. Keys: j/k move, n new, e edit, m merge, Delete delete.
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { TagInfo } from '../../../../shared/api/tagging-contract';
import { useApi } from '../../apiContext';
import { MergeDialog } from './MergeDialog';
import { TagChip } from './TagChip';
import { TagForm, type TagDraft } from './TagForm';
import { errorMessage } from '../../../../shared/api/errors';
import { nextColor } from './format';
import type { Undoable } from './ReviewQueue';
import type { Vocabulary } from './useVocabulary';

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
  const api = useApi();
  const tags = vocabulary.tags;
  const [cursor, setCursor] = useState(0);
  const [editing, setEditing] = useState<string | null>(null);
  const [merging, setMerging] = useState<TagInfo | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [formKey, setFormKey] = useState(0);
  // Colours given in this session: the list may not have reloaded when the next form opens.
  const [given, setGiven] = useState<string[]>([]);
  const newNameRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const cur = tags && tags.length ? Math.min(cursor, tags.length - 1) : 0;

  const changed = () => {
    vocabulary.reload();
    onChanged();
  };

  const create = async (d: TagDraft) => {
    await api.call('tags:add', { name: d.name, description: d.description, color: d.color });
    setGiven((g) => [...g, d.color]);
    setFormKey((k) => k + 1);
    changed();
    // Ready for the next one: describing a vocabulary is typing several in a row.
    requestAnimationFrame(() => newNameRef.current?.focus());
  };

  const save = async (t: TagInfo, d: TagDraft) => {
    let name = t.name;
    if (d.name !== t.name) {
      name = (await api.call('tags:rename', { from: t.name, to: d.name })).name;
    }
    if (d.description !== t.description || d.color.toLowerCase() !== t.color.toLowerCase()) {
      await api.call('tags:add', { name, description: d.description, color: d.color });
    }
    setEditing(null);
    changed();
    listRef.current?.focus();
  };

  const remove = async (t: TagInfo) => {
    try {
      const res = await api.call('tags:remove', { name: t.name });
      setError(null);
      changed();
      onUndoable({
        text: `Deleted tag “${t.name}”${res.removedFromPapers ? ` from ${res.removedFromPapers} ${res.removedFromPapers === 1 ? 'paper' : 'papers'}` : ''}`,
        undo: async () => {
          const back = await api.call('tags:undoRemove', { undoToken: res.undoToken });
          changed();
          return `Restored tag “${back.name}”`;
        },
      });
    } catch (err) {
      setError(`Could not delete “${t.name}”: ${errorMessage(err)}`);
    }
  };

  const merge = async (from: TagInfo, into: string) => {
    await api.call('tags:merge', { from: from.name, into });
    changed();
  };

  const keyState = useRef({ tags, cur, editing, merging, remove });
  // Same commit as the list it describes (see ReviewQueue): keys never act on a stale list.
  useLayoutEffect(() => {
    keyState.current = { tags, cur, editing, merging, remove };
  });
  useEffect(() => {
    if (!active) return;
    const onKey = (e: KeyboardEvent) => {
      const s = keyState.current;
      if (s.editing || s.merging || e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey)
        return;
      const t = e.target;
      const inList = t instanceof Node && (listRef.current?.contains(t) ?? false);
      if (!(
        t === document.body ||
        t === listRef.current ||
        (inList && !(t instanceof HTMLButtonElement))
      ))
        return;
      const tag = s.tags?.[s.cur];
      let handled = true;
      if (e.key === 'j' || e.key === 'ArrowDown')
        setCursor(Math.min(s.cur + 1, Math.max(0, (s.tags?.length ?? 1) - 1)));
      else if (e.key === 'k' || e.key === 'ArrowUp') setCursor(Math.max(0, s.cur - 1));
      else if (e.key === 'n') newNameRef.current?.focus();
      else if ((e.key === 'e' || e.key === 'Enter') && tag) setEditing(tag.name);
      else if (e.key === 'm' && tag) setMerging(tag);
      // Deleting needs the list to have the focus, as in the library's table: a stray
      // Backspace elsewhere must not remove a tag.
      else if ((e.key === 'Delete' || e.key === 'Backspace') && tag && inList) void s.remove(tag);
      else handled = false;
      if (handled) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [active]);

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
        <div
          ref={listRef}
          className="vocab-list"
          role="grid"
          aria-label="Tags"
          tabIndex={0}
          data-testid="vocab-list"
        >
          <div className="vocab-row vocab-head" role="row">
            <span role="columnheader">Tag</span>
            <span role="columnheader">Description</span>
            <span role="columnheader" className="num">
              Papers
            </span>
            <span role="columnheader" className="num">
              Pending
            </span>
            <span role="columnheader" aria-label="Actions" />
          </div>
          {tags.map((t, i) =>
            editing === t.name ? (
              <div key={t.name} className="vocab-row editing" role="row">
                <TagForm
                  testId="tag-edit"
                  submitLabel="Save"
                  autoFocus
                  initial={{ name: t.name, description: t.description, color: t.color }}
                  onSubmit={(d) => save(t, d)}
                  onCancel={() => {
                    setEditing(null);
                    listRef.current?.focus();
                  }}
                />
              </div>
            ) : (
              <div
                key={t.name}
                role="row"
                aria-selected={i === cur}
                className={`vocab-row ${i === cur ? 'selected' : ''}`}
                data-testid="vocab-row"
                data-tag={t.name}
                onClick={() => setCursor(i)}
              >
                <span role="gridcell">
                  <TagChip name={t.name} color={t.color} />
                </span>
                <span role="gridcell" className={t.description ? '' : 'muted'}>
                  {t.description || 'No description: suggestions use the name only'}
                </span>
                <span role="gridcell" className="num" data-testid="vocab-papers">
                  {t.paperCount.toLocaleString()}
                </span>
                <span role="gridcell" className="num" data-testid="vocab-pending">
                  {t.pendingCount.toLocaleString()}
                </span>
                <span role="gridcell" className="vocab-actions">
                  <button type="button" className="button small" onClick={() => setEditing(t.name)}>
                    Edit
                  </button>
                  <button
                    type="button"
                    className="button small"
                    disabled={tags.length < 2}
                    onClick={() => setMerging(t)}
                  >
                    Merge…
                  </button>
                  <button
                    type="button"
                    className="button small danger"
                    data-testid="vocab-delete"
                    aria-label={`Delete tag ${t.name}`}
                    onClick={() => void remove(t)}
                  >
                    Delete
                  </button>
                </span>
              </div>
            ),
          )}
        </div>
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
