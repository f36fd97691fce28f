// Types of build-freshness.mjs, for the TypeScript config, tests and benches that import it.

export function recordPath(outRoot: string, name: string): string;

export function writeRecord(
  outRoot: string,
  name: string,
  build: { root: string; startedAt: number; files: Iterable<string> },
): void;

/** Why build `name` must be rebuilt, or null when it is fresh. */
export function staleReason(outRoot: string, name: string, root: string): string | null;
