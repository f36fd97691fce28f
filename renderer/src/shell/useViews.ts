// Which view is shown, and which kept-alive views (Search, Tags) have been visited so far.
import { useCallback, useState } from 'react';
import type { View } from '../views';

export function useViews() {
  const [view, setView] = useState<View>('library');
  // Search and Tags are mounted on first visit and then kept (hidden): a query, a review queue
  // or a running job survives view switches.
  const [searchVisited, setSearchVisited] = useState(false);
  const [tagsVisited, setTagsVisited] = useState(false);
  const go = useCallback((v: View) => {
    if (v === 'search') setSearchVisited(true);
    if (v === 'tags') setTagsVisited(true);
    setView(v);
  }, []);
  return { view, go, searchVisited, tagsVisited };
}
