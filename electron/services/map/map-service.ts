// Topic-map service: computes the map of the active model's vectors in a worker (map-runner.ts),
// keeps each cluster's id and user name across re-runs (shared/map/match.ts), persists the result
// per model (map-file.ts), and answers `map:get` instantly from the file — placing papers added
// since near their nearest neighbours and saying the map is stale, never presenting another
// model's map as current.
import { readdir } from 'node:fs/promises';
import type { CallContext } from '@shared/api/contract';
import { QuireError } from '@shared/api/errors';
import type { MapCluster, MapStatus, TopicMap } from '@shared/api/map-contract';
import type { MapComputeInputSchema } from '@shared/api/map-contract';
import type { PaperReader } from '../library/paper-head';
import { matchClusters } from '@shared/map/match';
import type { PipelineResult } from '@shared/map/pipeline';
import { alignVectors, summarise } from './membership';
import { mapText, mapTexts } from './map-text';
import { nameClusters } from './cluster-naming';
import { mergeClusters } from './merge-clusters';
import { finishLabels, type EmbedPhrase } from './cluster-labels';
import {
  mapsDir,
  readMap,
  writeMap,
  MAP_FILE_VERSION,
  roundCoord,
  type StoredCluster,
  type StoredMap,
} from './map-file';
import { runInWorker } from './map-runner';
import { placeNew } from './place';
import type { OpenGenerator } from '../tagging/llm/generate';
import type { z } from 'zod';

type ComputeInput = z.output<typeof MapComputeInputSchema>;

export type MapDeps = {
  libraryDir: string;
  papers: Pick<PaperReader, 'all' | 'get' | 'read'>;
  /** The active model's vectors of live papers. */
  vectors(): Promise<{ modelId: string; ids: string[]; vectors: Float32Array; dims: number }>;
  /** Ids with a vector under the active model (cheap: no vector data). */
  embeddedIds(): Promise<Set<string>>;
  activeModel(): string;
  /** Embeds a key phrase with the active model (for label re-ranking); null → c-TF-IDF order only. */
  embedPhrase: EmbedPhrase | null;
  /** The configured LLM for cluster names; throws a clear error when none is set up. */
  generator?: () => OpenGenerator;
};

export { mapText };

export class MapService {
  private running: Promise<unknown> | null = null;
  private placed: { key: string; value: ReturnType<typeof placeNew> } | null = null;

  constructor(private readonly deps: MapDeps) {}

  async compute(
    input: ComputeInput,
    ctx: Pick<CallContext, 'signal' | 'onProgress'>,
  ): Promise<MapStatus> {
    return this.exclusive('A map is already being computed: wait for it or cancel it.', () =>
      this.computeNow(input, ctx),
    );
  }

  /** Runs one job at a time (compute or name), then answers the map as it is now. */
  private async exclusive(busy: string, work: () => Promise<void>): Promise<MapStatus> {
    if (this.running) throw new QuireError('unavailable', busy);
    const job = work();
    this.running = job;
    try {
      await job;
    } finally {
      this.running = null;
    }
    return this.get();
  }

  private async computeNow(
    input: ComputeInput,
    ctx: Pick<CallContext, 'signal' | 'onProgress'>,
  ): Promise<void> {
    ctx.onProgress({ phase: 'vectors', done: 0, total: null });
    const { modelId, ids, vectors, dims } = await this.deps.vectors();
    const texts = await mapTexts(this.deps.papers, ids);
    const result = await runInWorker(
      {
        ids,
        vectors,
        dims,
        texts,
        method: input.method,
        k: input.k,
        minClusterSize: input.minClusterSize,
        seed: input.seed,
        reassignSimilarity: input.reassignSimilarity,
      },
      ctx,
    );
    let previous: StoredMap | null = null;
    try {
      previous = await readMap(this.deps.libraryDir, modelId);
    } catch {
      previous = null; // a damaged file is replaced by the new map
    }
    ctx.onProgress({ phase: 'label', done: 0, total: result.clusters.length });
    const stored = await this.finish(result, dims, previous, input, modelId);
    if (ctx.signal.aborted) throw new QuireError('cancelled', 'Cancelled.');
    await writeMap(this.deps.libraryDir, stored);
    ctx.onProgress({ phase: 'label', done: result.clusters.length, total: result.clusters.length });
  }

  /** Matches ids with the previous run, re-applies merges, and makes the final labels. */
  private async finish(
    r: PipelineResult,
    dims: number,
    previous: StoredMap | null,
    input: ComputeInput,
    modelId: string,
  ): Promise<StoredMap> {
    const n = r.ids.length;
    const prevClusters = previous
      ? previous.clusters.map((c, ci) => ({
          id: c.id,
          merged: c.mergedFrom.length > 0,
          members: previous.ids.filter((_, i) => previous.cluster[i] === ci),
        }))
      : [];
    const matching = matchClusters(
      prevClusters,
      r.clusters.map((c) => c.members.map((i) => r.ids[i]!)),
      previous?.nextId ?? 1,
    );
    // Final clusters: one per distinct id, in the pipeline's order (largest first).
    const finalIds = [...new Set(matching.ids)];
    const finalOf = matching.ids.map((id) => finalIds.indexOf(id));
    const assignment = Array.from(r.assignment, (a) => (a >= 0 ? finalOf[a]! : -1));
    let candidates = r.clusters.map((c) => c.candidates);
    let central = r.clusters.map((c) => c.central);
    let centroids = r.clusters.map((c) => c.centroid);
    if (matching.groups.length > 0) {
      // A merge the user made was re-applied: recompute what depends on membership.
      const texts = await mapTexts(this.deps.papers, r.ids);
      const sorted = alignVectors(r.ids, await this.deps.vectors());
      ({ centroids, candidates, central } = summarise(
        sorted,
        dims,
        texts,
        assignment,
        finalIds.length,
      ));
    }
    const labels = await finishLabels(candidates, centroids, this.deps.embedPhrase);
    const prevById = new Map(previous?.clusters.map((c) => [c.id, c]) ?? []);
    const clusters: StoredCluster[] = finalIds.map((id, ci) => ({
      id,
      autoLabel: labels[ci]!.label,
      userLabel: prevById.get(id)?.userLabel ?? null,
      // The LLM's name stays with the cluster id, like a rename; its provenance says what it saw.
      llmName: prevById.get(id)?.llmName ?? null,
      keywords: labels[ci]!.keywords,
      centralPaperIds: central[ci]!.map((i) => r.ids[i]!),
      mergedFrom: prevById.get(id)?.mergedFrom ?? [],
    }));
    return {
      version: MAP_FILE_VERSION,
      modelId,
      method: input.method,
      seed: input.seed,
      k: input.k ?? null,
      minClusterSize: input.minClusterSize ?? null,
      reassignSimilarity: input.reassignSimilarity,
      computedAt: new Date().toISOString(),
      projection: r.projection,
      choice: r.choice,
      nextId: matching.nextId,
      unassignedBefore: r.unassignedBefore,
      ids: r.ids,
      x: Array.from({ length: n }, (_, i) => roundCoord(r.xy[2 * i]!)),
      y: Array.from({ length: n }, (_, i) => roundCoord(r.xy[2 * i + 1]!)),
      cluster: assignment,
      clusters,
    };
  }

  /** The active model's map as stored, or a not_found error saying what to do. */
  private async current(): Promise<StoredMap> {
    const m = await this.read(this.deps.activeModel());
    if (!m)
      throw new QuireError(
        'not_found',
        'There is no topic map for the active model yet: compute it first.',
      );
    return m;
  }

  private async read(modelId: string): Promise<StoredMap | null> {
    try {
      return await readMap(this.deps.libraryDir, modelId);
    } catch (err) {
      throw new QuireError('invalid_file', (err as Error).message);
    }
  }

  async get(): Promise<MapStatus> {
    const activeModel = this.deps.activeModel();
    const stored = await this.read(activeModel);
    const live = this.deps.papers.all();
    const embedded = await this.deps.embeddedIds();
    const notEmbedded = live.filter((p) => !embedded.has(p.id)).length;
    if (!stored) {
      const other = await this.otherModel(activeModel);
      return other
        ? {
            state: 'stale',
            activeModel,
            stale: { otherModel: other, papersAdded: 0, papersRemoved: 0 },
            notEmbedded,
            map: null,
          }
        : { state: 'none', activeModel, stale: null, notEmbedded, map: null };
    }
    const inMap = new Set(stored.ids);
    const liveIds = new Set(live.map((p) => p.id));
    const removed = stored.ids.filter((id) => !liveIds.has(id)).length;
    const added = live
      .filter((p) => embedded.has(p.id) && !inMap.has(p.id))
      .map((p) => p.id)
      .sort();
    const placements = added.length > 0 ? await this.place(stored, added, liveIds) : [];
    const map = this.present(stored, liveIds, placements);
    const stale = added.length > 0 || removed > 0;
    return {
      state: stale ? 'stale' : 'current',
      activeModel,
      stale: stale ? { otherModel: null, papersAdded: added.length, papersRemoved: removed } : null,
      notEmbedded,
      map,
    };
  }

  private async otherModel(activeModel: string): Promise<string | null> {
    try {
      const names = (await readdir(mapsDir(this.deps.libraryDir))).filter((f) =>
        f.endsWith('.json'),
      );
      const models = names
        .map((f) => decodeURIComponent(f.slice(0, -5)))
        .filter((m) => m !== activeModel);
      return models.sort()[0] ?? null;
    } catch {
      return null;
    }
  }

  /** Nearest-neighbour placement of papers added since the layout, memoised per map and set of papers. */
  private async place(stored: StoredMap, added: string[], liveIds: Set<string>) {
    const key = `${stored.modelId}|${stored.computedAt}|${added.join(',')}`;
    if (this.placed?.key === key) return this.placed.value;
    const { ids, vectors, dims } = await this.deps.vectors();
    const value = placeNew(stored, added, { ids, vectors, dims }, liveIds);
    this.placed = { key, value };
    return value;
  }

  private present(
    stored: StoredMap,
    liveIds: Set<string>,
    placements: { id: string; x: number; y: number; cluster: number }[],
  ): TopicMap {
    const points = {
      ids: [] as string[],
      titles: [] as string[],
      x: [] as number[],
      y: [] as number[],
      cluster: [] as number[],
      placed: [] as boolean[],
      tags: [] as string[][],
    };
    const push = (id: string, x: number, y: number, c: number, placed: boolean) => {
      points.ids.push(id);
      const paper = this.deps.papers.get(id);
      points.titles.push(paper?.title ?? '');
      points.tags.push(paper?.tags ?? []);
      points.x.push(x);
      points.y.push(y);
      points.cluster.push(c);
      points.placed.push(placed);
    };
    stored.ids.forEach((id, i) => {
      if (liveIds.has(id)) push(id, stored.x[i]!, stored.y[i]!, stored.cluster[i]!, false);
    });
    for (const p of placements) push(p.id, p.x, p.y, p.cluster, true);
    const k = stored.clusters.length;
    const size = new Array<number>(k).fill(0);
    const sx = new Array<number>(k).fill(0);
    const sy = new Array<number>(k).fill(0);
    points.cluster.forEach((c, i) => {
      if (c < 0) return;
      size[c]!++;
      sx[c]! += points.x[i]!;
      sy[c]! += points.y[i]!;
    });
    const clusters: MapCluster[] = stored.clusters.map((c, ci) => ({
      id: c.id,
      label: c.userLabel ?? c.llmName?.name ?? c.autoLabel,
      autoLabel: c.autoLabel,
      renamed: c.userLabel !== null,
      llmName: c.llmName ?? null,
      keywords: c.keywords,
      size: size[ci]!,
      centralPaperIds: c.centralPaperIds.filter((id) => liveIds.has(id)),
      x: size[ci] ? roundCoord(sx[ci]! / size[ci]!) : 0,
      y: size[ci] ? roundCoord(sy[ci]! / size[ci]!) : 0,
      mergedFrom: c.mergedFrom,
    }));
    return {
      modelId: stored.modelId,
      method: stored.method,
      seed: stored.seed,
      minClusterSize: stored.minClusterSize,
      k: stored.k,
      reassignSimilarity: stored.reassignSimilarity,
      computedAt: stored.computedAt,
      projection: stored.projection,
      choice: stored.choice,
      clusters,
      points,
      unassigned: points.cluster.filter((c) => c < 0).length,
      unassignedBeforeReassign: stored.unassignedBefore,
    };
  }

  /**
   * The papers of a cluster of the active model's map as presented (papers added since the layout
   * are in the cluster they were placed in): the library and search `cluster` filter. A cluster id
   * the map does not have (merged away, re-run) is an error naming it, not a silently empty list.
   */
  async clusterMembers(clusterId: string): Promise<ReadonlySet<string>> {
    const { map } = await this.get();
    if (!map)
      throw new QuireError(
        'not_found',
        'There is no topic map for the active model: compute the map to filter by cluster.',
      );
    const index = map.clusters.findIndex((c) => c.id === clusterId);
    if (index < 0)
      throw new QuireError(
        'not_found',
        `The topic map has no cluster "${clusterId}" (it may have been merged or re-computed).`,
      );
    return new Set(map.points.ids.filter((_, i) => map.points.cluster[i] === index));
  }

  /**
   * Proposes a name for each cluster (or the given ones) with the configured LLM, from its key
   * phrases and central titles, and stores it with its provenance. Clusters the user renamed are
   * skipped unless asked for by id (their name still wins). Cancel leaves the saved map unchanged.
   */
  async nameClusters(
    clusterIds: string[] | undefined,
    ctx: Pick<CallContext, 'signal' | 'onProgress'>,
  ): Promise<MapStatus> {
    if (!this.deps.generator)
      throw new QuireError(
        'unavailable',
        'Cluster naming needs the LLM settings (not wired here).',
      );
    const open = this.deps.generator;
    return this.exclusive(
      'The map is being computed or named: wait for it or cancel it.',
      async () => {
        const stored = await this.current();
        await nameClusters(stored, clusterIds, ctx, open, (id) => this.deps.papers.get(id)?.title);
        await writeMap(this.deps.libraryDir, stored);
      },
    );
  }

  async rename(clusterId: string, label: string): Promise<MapStatus> {
    const stored = await this.current();
    const c = stored.clusters.find((x) => x.id === clusterId);
    if (!c) throw new QuireError('not_found', `The map has no cluster ${clusterId}.`);
    c.userLabel = label.trim() === '' ? null : label.trim();
    await writeMap(this.deps.libraryDir, stored);
    return this.get();
  }

  async merge(into: string, from: string[]): Promise<MapStatus> {
    const stored = await this.current();
    const merged = await mergeClusters(stored, into, from, {
      texts: (ids) => mapTexts(this.deps.papers, ids),
      vectors: this.deps.vectors,
      embedPhrase: this.deps.embedPhrase,
    });
    await writeMap(this.deps.libraryDir, merged);
    return this.get();
  }
}
