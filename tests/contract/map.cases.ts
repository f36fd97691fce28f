// Contract cases of the topic map: compute with progress, the saved map, clusters as filters.
import { describe, expect, it } from 'vitest';
import type { Api } from '@shared/api/client';
import { rejection } from './suite-support';

export function mapCases(api: Api): void {
  describe('topic map', () => {
    it(
      'map:compute streams progress and map:get returns the saved map',
      { timeout: 120_000 },
      async () => {
        expect((await api.call('map:get', {})).state).toBe('none');
        const phases: string[] = [];
        const st = await api.call(
          'map:compute',
          { seed: 3 },
          { onProgress: (p) => phases.push(p.phase) },
        );
        expect(phases).toContain('project');
        expect(st.state).toBe('current');
        expect(st.map!.points.ids).toHaveLength(5);
        expect(await api.call('map:get', {})).toEqual(st);
        const bad = await rejection(api.call('map:compute', { method: 'density', k: 3 }));
        expect(bad.code).toBe('invalid_input');
        const none = await rejection(
          api.call('map:renameCluster', { clusterId: 'c999', label: 'x' }),
        );
        expect(none.code).toBe('not_found');
        // Naming with an LLM when none is configured: a clear error through every transport.
        const noLlm = await rejection(api.call('map:nameClusters', {}));
        expect(noLlm.code).toBe('invalid_input');
        expect(noLlm.message).toMatch(/^No LLM is configured/);

        // Library and search filter by a cluster of the map: exactly its members, in either. Two
        // k-means clusters, so a cluster is a strict part of the library.
        const map = (await api.call('map:compute', { method: 'kmeans', k: 2, seed: 3 })).map!;
        const cluster = map.clusters[0]!;
        const members = map.points.ids.filter((_, i) => map.points.cluster[i] === 0).sort();
        expect(members.length).toBeGreaterThan(0);
        expect(members.length).toBeLessThan(5);
        const listed = await api.call('library:list', { cluster: cluster.id });
        expect(listed.items.map((p) => p.id).sort()).toEqual(members);
        const found = await api.call('search:query', {
          query: 'paper',
          mode: 'fts',
          filters: { cluster: cluster.id },
        });
        expect(found.hits.length).toBeGreaterThan(0);
        for (const h of found.hits) expect(members).toContain(h.paper.id);
        // The ids filter (a lasso selection opened in the library): those papers, unknown ids ignored.
        const picked = await api.call('library:list', { ids: [members[0]!, 'no-such-paper'] });
        expect(picked.items.map((p) => p.id)).toEqual([members[0]]);
        const gone = await rejection(api.call('library:list', { cluster: 'c999' }));
        expect(gone.code).toBe('not_found');
        expect(gone.message).toMatch(/no cluster "c999"/);
      },
    );

    it('map:renameCluster names a cluster (empty restores the automatic label); map:mergeClusters joins two', async () => {
      const before = (await api.call('map:get', {})).map!;
      expect(before.clusters).toHaveLength(2);
      const [a, b] = before.clusters;
      const renamed = (await api.call('map:renameCluster', { clusterId: a!.id, label: 'Experts' }))
        .map!;
      expect(renamed.clusters[0]).toMatchObject({ id: a!.id, label: 'Experts', renamed: true });
      expect((await api.call('map:get', {})).map!.clusters[0]!.label).toBe('Experts');
      const restored = (await api.call('map:renameCluster', { clusterId: a!.id, label: '' })).map!;
      expect(restored.clusters[0]).toMatchObject({ label: a!.autoLabel, renamed: false });

      const self = await rejection(api.call('map:mergeClusters', { into: a!.id, from: [a!.id] }));
      expect(self.code).toBe('invalid_input');
      expect(self.message).toMatch(/cannot be merged into itself/);
      const merged = await api.call('map:mergeClusters', { into: a!.id, from: [b!.id] });
      expect(merged.map!.clusters).toEqual([
        expect.objectContaining({ id: a!.id, size: 5, mergedFrom: [b!.id] }),
      ]);
      expect(merged.map!.points.cluster).toEqual([0, 0, 0, 0, 0]);
      expect((await api.call('library:list', { cluster: a!.id })).total).toBe(5);
    });
  });
}
