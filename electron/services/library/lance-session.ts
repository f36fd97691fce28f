// The one LanceDB session every connection of this process shares, with its caches capped. Without
// one each connection gets LanceDB's defaults: up to 6 GB of decoded index data and 1 GB of file
// metadata kept in memory. Every import writes new index files and the old ones stayed cached, so a
// host left open grew with each import (bench/scale/cache-growth.ts, 200k papers, six 2k imports
// with searches after each): LanceDB's defaults took the caches from 164 MB to 1,139 MB and RSS from
// 1.29 to 2.18 GB; these caps held the caches at ~560 MB and RSS at ~1.7 GB (256 + 64 MB held ~290 MB
// and ~1.5 GB). A 200k library's searches used ~140 MB of index cache (~0.7 KB a paper), so the index
// cap covers ~700k papers' before searches read index pages again. QUIRE_LANCE_INDEX_CACHE_MB and
// QUIRE_LANCE_METADATA_CACHE_MB override the caps.
import * as lancedb from '@lancedb/lancedb';

const MB = 1024 * 1024;
export const DEFAULT_INDEX_CACHE_MB = 512;
export const DEFAULT_METADATA_CACHE_MB = 128;

let shared: lancedb.Session | undefined;

function megabytes(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return value !== undefined && value !== '' && Number.isFinite(n) && n >= 0 ? n : fallback;
}

/** The caps in bytes, from the environment or the defaults. */
export function cacheCaps(env: NodeJS.ProcessEnv = process.env): {
  index: number;
  metadata: number;
} {
  return {
    index: Math.round(megabytes(env.QUIRE_LANCE_INDEX_CACHE_MB, DEFAULT_INDEX_CACHE_MB) * MB),
    metadata: Math.round(
      megabytes(env.QUIRE_LANCE_METADATA_CACHE_MB, DEFAULT_METADATA_CACHE_MB) * MB,
    ),
  };
}

export function lanceSession(): lancedb.Session {
  if (!shared) {
    const caps = cacheCaps();
    shared = new lancedb.Session(BigInt(caps.index), BigInt(caps.metadata));
  }
  return shared;
}
