// Which notebook is open (remembered across restarts in localStorage) and which cell to show in it.
import { useCallback, useEffect, useState } from 'react';

export const OPEN_KEY = 'quire.notebook.open';

function readOpen(): string | null {
  try {
    return localStorage.getItem(OPEN_KEY);
  } catch {
    return null;
  }
}

export function useOpenNotebook() {
  const [openId, setOpenId] = useState<string | null>(readOpen);
  const [focusCell, setFocusCell] = useState<string | null>(null);

  useEffect(() => {
    try {
      if (openId) localStorage.setItem(OPEN_KEY, openId);
      else localStorage.removeItem(OPEN_KEY);
    } catch {
      // Remembering the open notebook is a convenience.
    }
  }, [openId]);

  /** Opens a notebook, at a cell when one is given (a search hit). */
  const open = useCallback((id: string, cellId: string | null = null) => {
    setOpenId(id);
    setFocusCell(cellId);
  }, []);

  return { openId, setOpenId, focusCell, open };
}
