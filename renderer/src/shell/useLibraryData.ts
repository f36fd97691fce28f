// What several views read about the library: its version (bumped on every write), tags, the tag
// vocabulary with pending suggestions, and the map's clusters.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Api } from '@shared/api/client';
import type { TagCount } from '@shared/api/schemas';
import { useLibraryRevision } from '../features/library/useLibraryRevision';
import { useMapClusters } from '../features/map/useMapClusters';
import { useVocabulary } from '../features/tagging/useVocabulary';

export function useLibraryData(api: Api, ready: boolean) {
  const [version, setVersion] = useState(0);
  const [tags, setTags] = useState<TagCount[]>([]);
  const bump = useCallback(() => setVersion((v) => v + 1), []);

  const refreshTags = useCallback(() => {
    api.call('library:tags', {}).then(setTags, () => {
      // The tag filter is a convenience; the table reports load errors itself.
    });
  }, [api]);
  useEffect(() => {
    if (ready) refreshTags();
  }, [ready, version, refreshTags]);

  const vocabulary = useVocabulary(api, ready, version);
  // Papers imported by the CLI or another window show without a reload.
  useLibraryRevision(api, ready, bump);
  const suggestedTags = useMemo(
    () =>
      (vocabulary.tags ?? [])
        .filter((t) => t.pendingCount > 0)
        .map((t) => ({ tag: t.name, count: t.pendingCount })),
    [vocabulary.tags],
  );
  // The map's clusters filter Library and Search.
  const mapClusters = useMapClusters(api, ready);
  const reloadVocabulary = vocabulary.reload;
  const onTagsChanged = useCallback(() => {
    refreshTags();
    reloadVocabulary();
  }, [refreshTags, reloadVocabulary]);

  return {
    version,
    bump,
    tags,
    refreshTags,
    vocabulary,
    suggestedTags,
    mapClusters,
    onTagsChanged,
  };
}
