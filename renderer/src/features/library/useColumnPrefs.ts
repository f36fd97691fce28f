// The user's column choices for the library table, kept across sessions in localStorage.
import { useState } from 'react';
import type { ColumnPrefs, OptionalColumn } from './columns';

const KEY = 'quire.library.columns';
const IDS: readonly OptionalColumn[] = ['authors', 'year', 'venue', 'tags', 'added'];

function read(): ColumnPrefs {
  try {
    const raw: unknown = JSON.parse(localStorage.getItem(KEY) ?? '{}');
    const out: ColumnPrefs = {};
    if (raw && typeof raw === 'object')
      for (const id of IDS) {
        const v = (raw as Record<string, unknown>)[id];
        if (typeof v === 'boolean') out[id] = v;
      }
    return out;
  } catch {
    // A hand-edited or corrupt value: start from the automatic choice rather than fail.
    return {};
  }
}

export function useColumnPrefs(): [ColumnPrefs, (next: ColumnPrefs) => void] {
  const [prefs, setPrefs] = useState<ColumnPrefs>(read);
  const save = (next: ColumnPrefs) => {
    setPrefs(next);
    try {
      if (Object.keys(next).length === 0) localStorage.removeItem(KEY);
      else localStorage.setItem(KEY, JSON.stringify(next));
    } catch {
      // Storage full or disabled: the choice still holds for this session.
    }
  };
  return [prefs, save];
}
