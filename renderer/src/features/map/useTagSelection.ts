// Tagging a lasso selection: one library:tagPapers call for all its papers (a call per paper took
// seconds for a few dozen on a busy machine), a note saying what changed with Undo (the opposite call
// on the papers that changed), and the error in words when it fails.
import { useState } from 'react';
import { useApi } from '../../apiContext';

export type TagNote = {
  text: string;
  error?: boolean;
  /** The papers the tag was added to, so Undo takes it off them again. */
  undo?: { ids: string[]; tag: string };
};

const papers = (n: number) => `${n} ${n === 1 ? 'paper' : 'papers'}`;

export function useTagSelection(opts: {
  setNote(note: TagNote): void;
  /** Papers were tagged or untagged: the map (which carries tags) and the shell refresh. */
  onTagged(): Promise<void>;
}) {
  const api = useApi();
  const [busy, setBusy] = useState(false);

  const run = async (work: () => Promise<TagNote>) => {
    setBusy(true);
    try {
      opts.setNote(await work());
      await opts.onTagged();
    } catch (err) {
      opts.setNote({ text: (err as Error).message, error: true });
    } finally {
      setBusy(false);
    }
  };

  const tag = (ids: string[], name: string) =>
    run(async () => {
      const r = await api.call('library:tagPapers', { ids, add: name });
      const had = ids.length - r.changed.length - r.missing;
      const extra = [
        had > 0 ? `${papers(had)} already had it` : '',
        r.missing > 0 ? `${papers(r.missing)} no longer in the library` : '',
      ].filter(Boolean);
      return {
        text: `Tagged ${papers(r.changed.length)} “${name}”${extra.length ? ` (${extra.join('; ')})` : ''}.`,
        undo: r.changed.length > 0 ? { ids: r.changed, tag: name } : undefined,
      };
    });

  const undo = (u: NonNullable<TagNote['undo']>) =>
    run(async () => {
      const r = await api.call('library:tagPapers', { ids: u.ids, remove: u.tag });
      return { text: `Took “${u.tag}” off ${papers(r.changed.length)} again.` };
    });

  return { busy, tag, undo };
}
