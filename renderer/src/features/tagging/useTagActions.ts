// What the vocabulary does to tags: create, save an edit (rename, describe, recolour), delete with
// undo, merge; each refreshes the vocabulary and whatever depends on tags.
import { useState } from 'react';
import { errorMessage } from '@shared/api/errors';
import type { TagInfo } from '@shared/api/tagging-contract';
import { useApi } from '../../apiContext';
import type { Undoable } from './ReviewQueue';
import type { TagDraft } from './TagForm';

type Options = {
  /** Tags changed: reload the vocabulary and tell the shell. */
  changed(): void;
  onUndoable(u: Undoable): void;
  /** A tag was created (the panel readies the form for the next one). */
  onCreated(): void;
  /** An edit was saved. */
  onSaved(): void;
};

export function useTagActions({ changed, onUndoable, onCreated, onSaved }: Options) {
  const api = useApi();
  const [error, setError] = useState<string | null>(null);
  const [formKey, setFormKey] = useState(0);
  // Colours given in this session: the list may not have reloaded when the next form opens.
  const [given, setGiven] = useState<string[]>([]);

  const create = async (d: TagDraft) => {
    await api.call('tags:add', { name: d.name, description: d.description, color: d.color });
    setGiven((g) => [...g, d.color]);
    setFormKey((k) => k + 1);
    changed();
    onCreated();
  };

  const save = async (t: TagInfo, d: TagDraft) => {
    let name = t.name;
    if (d.name !== t.name) {
      name = (await api.call('tags:rename', { from: t.name, to: d.name })).name;
    }
    if (d.description !== t.description || d.color.toLowerCase() !== t.color.toLowerCase()) {
      await api.call('tags:add', { name, description: d.description, color: d.color });
    }
    onSaved();
    changed();
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

  return { create, save, remove, merge, error, setError, formKey, given };
}
