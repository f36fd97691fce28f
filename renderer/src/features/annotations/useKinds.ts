// The library's highlight kinds with their colours, shared by every view that paints highlights:
// read once per library version, a colour for any kind id (an unknown id gets a neutral grey).
import { useCallback, useEffect, useState } from 'react';
import type { Api } from '@shared/api/client';
import { DEFAULT_KINDS, type AnnotationKind } from '@shared/annotations/types';

const UNKNOWN = '#9aa3ae';

export type Kinds = {
  kinds: readonly AnnotationKind[];
  colourOf(kind: string): string;
  labelOf(kind: string): string;
  /** Saves a new list (the service refuses dropping a kind still in use, with a message). */
  save(kinds: AnnotationKind[]): Promise<void>;
};

/** One read per API and version, however many views (a page of search hits) ask. */
const reads = new WeakMap<Api, { version: number; kinds: Promise<AnnotationKind[]> }>();

function read(api: Api, version: number): Promise<AnnotationKind[]> {
  const hit = reads.get(api);
  if (hit && hit.version === version) return hit.kinds;
  const kinds = api.call('annotations:kinds:get', {});
  reads.set(api, { version, kinds });
  // A failed read is not kept: the next view asks again.
  kinds.catch(() => reads.delete(api));
  return kinds;
}

export function useKinds(api: Api, version = 0): Kinds {
  const [kinds, setKinds] = useState<readonly AnnotationKind[]>(DEFAULT_KINDS);
  useEffect(() => {
    let live = true;
    read(api, version).then(
      (k) => live && setKinds(k),
      // Without the list (an older host), the defaults still colour the highlights.
      () => {},
    );
    return () => {
      live = false;
    };
  }, [api, version]);
  const colourOf = useCallback(
    (id: string) => kinds.find((k) => k.id === id)?.color ?? UNKNOWN,
    [kinds],
  );
  const labelOf = useCallback((id: string) => kinds.find((k) => k.id === id)?.label ?? id, [kinds]);
  const save = useCallback(
    async (next: AnnotationKind[]) => {
      const saved = await api.call('annotations:kinds:set', { kinds: next });
      reads.set(api, { version, kinds: Promise.resolve(saved) });
      setKinds(saved);
    },
    [api, version],
  );
  return { kinds, colourOf, labelOf, save };
}
