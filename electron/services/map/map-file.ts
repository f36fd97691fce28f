// The persisted topic map of one model: <library>/maps/<model>.json, written atomically, read back
// with a check of its shape (a damaged or foreign file is reported, never half-used).
import { readFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { ClusterLlmName, MapMethod, TopicMap } from '@shared/api/map-contract';
import { writeFileAtomic } from '../fs/atomic-write';

export const MAP_FILE_VERSION = 1;

export type StoredCluster = {
  id: string;
  autoLabel: string;
  userLabel: string | null;
  /** Absent in maps saved before LLM naming: read as null. */
  llmName?: ClusterLlmName | null;
  keywords: string[];
  centralPaperIds: string[];
  mergedFrom: string[];
};

export type StoredMap = {
  version: number;
  modelId: string;
  method: MapMethod;
  seed: number;
  k: number | null;
  minClusterSize: number | null;
  reassignSimilarity: number;
  computedAt: string;
  projection: TopicMap['projection'];
  choice: TopicMap['choice'];
  nextId: number;
  unassignedBefore: number;
  ids: string[];
  x: number[];
  y: number[];
  /** Index into `clusters`, −1 unassigned. */
  cluster: number[];
  clusters: StoredCluster[];
};

export function mapsDir(libraryDir: string): string {
  return join(libraryDir, 'maps');
}

export function mapPath(libraryDir: string, modelId: string): string {
  return join(mapsDir(libraryDir), `${encodeURIComponent(modelId)}.json`);
}

export async function readMap(libraryDir: string, modelId: string): Promise<StoredMap | null> {
  let text: string;
  try {
    text = await readFile(mapPath(libraryDir, modelId), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  const damaged = () =>
    new Error(`the saved map of ${modelId} is damaged or from another version; compute it again`);
  let m: StoredMap;
  try {
    m = JSON.parse(text) as StoredMap;
  } catch {
    throw damaged();
  }
  const n = m?.ids?.length;
  if (
    typeof m !== 'object' ||
    m === null ||
    m.version !== MAP_FILE_VERSION ||
    m.modelId !== modelId ||
    !Array.isArray(m.ids) ||
    m.x?.length !== n ||
    m.y?.length !== n ||
    m.cluster?.length !== n ||
    !Array.isArray(m.clusters) ||
    m.cluster.some((c) => c < -1 || c >= m.clusters.length)
  )
    throw new Error(
      `the saved map of ${modelId} is damaged or from another version; compute it again`,
    );
  return m;
}

export async function writeMap(libraryDir: string, map: StoredMap): Promise<void> {
  await mkdir(mapsDir(libraryDir), { recursive: true });
  await writeFileAtomic(mapPath(libraryDir, map.modelId), JSON.stringify(map));
}

/** Coordinates are stored to five decimals: ample for a screen, and the file stays small. */
export function roundCoord(v: number): number {
  return Math.round(v * 1e5) / 1e5;
}
