// The topic map's clusters for the Library and Search filters: read once at start (map:get), then
// kept current by the Map view, which reports every map it shows (compute, rename, merge).
import { useCallback, useEffect, useState } from 'react';
import type { Api } from '@shared/api/client';
import type { MapStatus } from '@shared/api/map-contract';
import type { ClusterOption } from '../../components/TagSelect';

/** The clusters a filter can offer: only a map of the active model (a stale one still has them). */
export function clusterOptions(status: MapStatus | null): ClusterOption[] {
  return (status?.map?.clusters ?? []).map((c) => ({ id: c.id, label: c.label, size: c.size }));
}

export function useMapClusters(api: Api, enabled: boolean) {
  const [clusters, setClusters] = useState<ClusterOption[]>([]);

  useEffect(() => {
    if (!enabled) return;
    let live = true;
    api.call('map:get', {}).then(
      (s) => live && setClusters(clusterOptions(s)),
      // No map to read (e.g. an unreadable file): the filter simply offers no clusters.
      () => live && setClusters([]),
    );
    return () => {
      live = false;
    };
  }, [api, enabled]);

  const report = useCallback((status: MapStatus | null) => setClusters(clusterOptions(status)), []);
  return { clusters, report };
}
