// Small LanceDB helpers shared by the papers and vectors tables: SQL string literals for predicates,
// and how long old table versions are kept.

/**
 * Table versions older than this are removed when a table is optimized. LanceDB keeps 7 days of them
 * by default, and every optimize() rewrites the whole table (compaction below 1M rows): a library
 * grown to 640k papers in 10k imports took 51 GB of disk, and 100k papers 1.36 GB instead of 0.23 GB.
 * Nothing reads old versions for long: an import's rollback goes back to the version it started from
 * while it holds the write lock (nothing optimizes meanwhile), and a reader in another process catches
 * up with the newest version before each read. A minute covers a read under way; with back-to-back
 * imports (one every ~20 s at 300k papers) it keeps about three copies of the table, not hundreds.
 */
export const KEEP_VERSIONS_MS = 60_000;

/** What optimize() is given to drop the versions older than `keepMs`. */
export function pruneOlderThan(keepMs: number): { cleanupOlderThan: Date } {
  return { cleanupOlderThan: new Date(Date.now() - keepMs) };
}

/** SQL string literal for LanceDB predicates. */
export function sqlString(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}
