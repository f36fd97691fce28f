// The library title of the fit's source paper (the table cell may name one), fetched once per id.
import { useEffect, useState } from 'react';
import { useApi } from '../../../../apiContext';

export function useSourcePaper(paperId: string | undefined): string | null {
  const api = useApi();
  const [paper, setPaper] = useState<{ id: string; title: string | null } | null>(null);
  useEffect(() => {
    if (!paperId) return;
    let live = true;
    api.call('library:get', { id: paperId }).then(
      (p) => live && setPaper({ id: paperId, title: p.title || null }),
      () => live && setPaper({ id: paperId, title: null }),
    );
    return () => {
      live = false;
    };
  }, [paperId, api]);
  return paper && paper.id === paperId ? paper.title : null;
}
