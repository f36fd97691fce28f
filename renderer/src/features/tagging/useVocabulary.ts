// Loads the tag vocabulary (tags:list) and reloads it on demand or when the library changes.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Api } from '@shared/api/client';
import type { TagInfo } from '@shared/api/tagging-contract';
import { errorMessage } from '@shared/api/errors';

export type Vocabulary = {
  /** Null until the first answer. */
  tags: TagInfo[] | null;
  error: string | null;
  reload(): void;
};

export function useVocabulary(api: Api, enabled: boolean, version: number): Vocabulary {
  const [tags, setTags] = useState<TagInfo[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [nonce, setNonce] = useState(0);
  const gen = useRef(0);

  useEffect(() => {
    if (!enabled) return;
    const mine = ++gen.current;
    api.call('tags:list', {}).then(
      (list) => {
        if (mine !== gen.current) return;
        setTags(list);
        setError(null);
      },
      (err: unknown) => mine === gen.current && setError(errorMessage(err)),
    );
  }, [api, enabled, version, nonce]);

  const reload = useCallback(() => setNonce((n) => n + 1), []);
  return { tags, error, reload };
}

/** Colour of each tag by name, for chips outside the vocabulary list. */
export function colorMap(tags: TagInfo[] | null): Map<string, string> {
  return new Map((tags ?? []).map((t) => [t.name, t.color]));
}
