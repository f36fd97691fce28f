// Whether a build in out/ is newer than every source it was built from: each build records its
// start time and its own source files (out/.build/<name>.json), so checking is one stat per file
// (no directory walk). Imported by bin/quire.mjs, so it stays small and dependency-free.
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Where the record of build `name` lives under `outRoot` (the repo's out/ folder). */
export function recordPath(outRoot, name) {
  return path.join(outRoot, '.build', `${name}.json`);
}

/**
 * Writes the record of a build that started at `startedAt` (ms) from `files` (absolute paths);
 * files inside node_modules are left out: dependencies change only through npm, whose
 * postinstall rebuilds. Paths are stored relative to `root`, so a moved checkout stays fresh.
 */
export function writeRecord(outRoot, name, { root, startedAt, files }) {
  const rel = [...new Set(files)]
    .filter((f) => path.isAbsolute(f) && !f.split(/[\\/]/).includes('node_modules'))
    .map((f) => path.relative(root, f).split(path.sep).join('/'))
    .filter((f) => !f.startsWith('..'))
    .sort();
  const file = recordPath(outRoot, name);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify({ startedAt, files: rel }, null, 1) + '\n');
}

/**
 * Why build `name` must be rebuilt, or null when it is fresh: no record, or a recorded source
 * missing or modified since the build started (an edit during the build counts as newer).
 */
export function staleReason(outRoot, name, root) {
  let record;
  try {
    record = JSON.parse(readFileSync(recordPath(outRoot, name), 'utf8'));
  } catch {
    return `${name} is not built`;
  }
  if (!Array.isArray(record.files) || typeof record.startedAt !== 'number')
    return `${name}'s build record is unreadable`;
  for (const f of record.files) {
    let mtime;
    try {
      mtime = statSync(path.join(root, f)).mtimeMs;
    } catch {
      return `${f} is gone`;
    }
    if (mtime > record.startedAt) return `${f} changed since the build`;
  }
  return null;
}
