// How many pending suggestions a bulk accept would take: a dry run, asked again (debounced) as the
// tag, score or tagger change; a count answers only for exactly what it was asked for.
import { useEffect, useState } from 'react';
import { errorMessage } from '@shared/api/errors';
import type { TaggerName } from '@shared/api/tagging-contract';
import { useApi } from '../../apiContext';

/** Slider and typing settle for this long before the count is asked again. */
const COUNT_DEBOUNCE_MS = 200;

export type Count = { key: string; count: number } | { key: string; error: string };

/** The count for what is on screen, or null while it is being asked. */
export function useBulkCount(tag: string, minScore: number, tagger?: TaggerName): Count | null {
  const api = useApi();
  const [counted, setCounted] = useState<Count | null>(null);
  const key = `${tag}\u0000${minScore}\u0000${tagger ?? ''}`;

  useEffect(() => {
    if (!tag) return;
    let live = true;
    const t = setTimeout(() => {
      api
        .call('tagging:acceptAbove', {
          tag,
          minScore,
          dryRun: true,
          ...(tagger ? { tagger } : {}),
        })
        .then(
          (res) => live && setCounted({ key, count: res.count }),
          (err: unknown) => live && setCounted({ key, error: errorMessage(err) }),
        );
    }, COUNT_DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [api, tag, minScore, tagger, key]);

  // Only a count for exactly what is on screen may be confirmed.
  return counted?.key === key ? counted : null;
}
