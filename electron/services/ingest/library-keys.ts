// The library as an import's duplicate check reads it: the papers each identity key names (the
// store's identity index), read whole. A duplicate fills the empty fields of the paper it matches,
// the abstract among them, and the library keeps abstracts in its table only (library/paper-head.ts),
// so the papers the records' keys name are read before the check, in one pass.
import type { Paper, PaperDraft } from '@shared/api/schemas';
import { identityKeys } from '@shared/papers/identity';
import { olderFirst } from '../library/identity-index';
import type { PaperStore } from '../library/store';
import type { LibraryKeys } from './dedupe';

export async function libraryKeys(
  store: Pick<PaperStore, 'withKey' | 'read'>,
  records: readonly PaperDraft[],
): Promise<LibraryKeys> {
  const ids = new Set<string>();
  for (const r of records)
    for (const { key } of identityKeys(r)) for (const h of store.withKey(key)) ids.add(h.id);
  const whole = new Map((await store.read([...ids])).map((p) => [p.id, p]));
  return {
    withKey: (key) =>
      store
        .withKey(key)
        .map((h) => whole.get(h.id))
        .filter((p): p is Paper => !!p),
    compare: olderFirst,
  };
}
