// Crash safety of import: a child process imports 3,000 synthetic papers and is killed with SIGKILL
// at a step chosen from its own progress (mid-write, mid-embedding). The next open must keep every
// committed paper, hold no duplicate, say the vectors are incomplete, take over the dead process's
// write lock, and end with a vector for every paper once the embedding job has run — including when
// the re-import finds nothing new (that import used to return before embedding anything).
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type Api } from '@shared/api/client';
import type { Progress } from '@shared/api/contract';
import { inProcessTransport } from '@shared/api/in-process';
import { createServices, type Services } from '../../electron/services';
import { BATCH_SIZE } from '../../electron/services/ingest/ingest-service';
import { syntheticPapers, toJsonl } from '../../bench/support/synthetic';

const CHILD = fileURLToPath(new URL('./import-child.ts', import.meta.url));
const N = 3_000;
const SEED = 9;

let tmp: string;
let file: string;
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'quire-crash-'));
  file = join(tmp, 'papers.jsonl');
  await writeFile(file, toJsonl(syntheticPapers(SEED, 0, N)));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

/** Runs the import child and kills it (SIGKILL) at the first progress event `when` accepts. */
function importKilledWhen(dir: string, when: (p: Progress) => boolean): Promise<Progress[]> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['--import', 'tsx', CHILD, dir, file], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const seen: Progress[] = [];
    let buf = '';
    let err = '';
    let killed = false;
    p.stderr.on('data', (d: Buffer) => (err += d.toString()));
    p.stdout.on('data', (d: Buffer) => {
      buf += d.toString();
      const lines = buf.split('\n');
      buf = lines.pop()!;
      for (const line of lines) {
        if (killed || !line.trim()) continue;
        const ev = JSON.parse(line) as Progress;
        seen.push(ev);
        if (when(ev)) {
          killed = true;
          p.kill('SIGKILL');
        }
      }
    });
    p.on('exit', (code, signal) =>
      signal === 'SIGKILL'
        ? resolve(seen)
        : reject(new Error(`import child ended (${code}) before the kill point: ${err}`)),
    );
  });
}

async function open(dir: string): Promise<{ services: Services; api: Api }> {
  const services = await createServices({ libraryDir: dir, mode: 'cli' });
  return { services, api: createClient(inProcessTransport(services.dispatch)) };
}

async function titles(api: Api): Promise<string[]> {
  const out: string[] = [];
  for (let offset = 0; ; offset += 1_000) {
    const r = await api.call('library:list', { limit: 1_000, offset });
    out.push(...r.items.map((p) => p.title));
    if (r.items.length < 1_000) return out;
  }
}

describe('import killed with SIGKILL', () => {
  it(
    'mid-write: committed batches survive, no duplicates, the re-import completes papers and vectors',
    { timeout: 600_000 },
    async () => {
      const dir = join(tmp, 'mid-write');
      const seen = await importKilledWhen(dir, (p) => p.phase === 'write' && p.done >= 1_000);
      const committed = Math.max(...seen.filter((p) => p.phase === 'write').map((p) => p.done));
      const { services, api } = await open(dir);
      try {
        const after = await titles(api);
        expect(after.length).toBeGreaterThanOrEqual(committed);
        expect(after.length % BATCH_SIZE === 0 || after.length === N).toBe(true);
        expect(new Set(after).size).toBe(after.length);
        const status = await api.call('embeddings:status', {});
        expect(status.total).toBe(after.length);
        expect(status.embedded).toBeLessThan(status.total);
        expect.soft(status.missing).toBe(status.total - status.embedded);

        // The dead child still "holds" the write lock; the re-import takes it over.
        const r = await api.call('import:run', { source: { kind: 'path', path: file } });
        expect(r.imported).toBe(N - after.length);
        expect(r.duplicateCount).toBe(after.length);
        expect(r.warnings).toEqual([]);
        const all = await titles(api);
        expect(all).toHaveLength(N);
        expect(new Set(all).size).toBe(N);
        expect(await api.call('embeddings:status', {})).toMatchObject({
          embedded: N,
          total: N,
          missing: 0,
        });
        const s = await api.call('search:query', { query: 'protein binding', mode: 'hybrid' });
        expect(s.notice).toBeUndefined();
      } finally {
        await services.close();
      }
    },
  );

  it(
    'mid-embedding: search says vectors are missing, and a re-import with nothing new embeds them',
    { timeout: 600_000 },
    async () => {
      const dir = join(tmp, 'mid-embed');
      // Past 1,024 vectors the first vector commit is in; kill while the rest are being computed.
      const seen = await importKilledWhen(dir, (p) => p.phase === 'embed' && p.done >= 1_100);
      expect(seen.some((p) => p.phase === 'write' && p.done === N)).toBe(true);
      const { services, api } = await open(dir);
      try {
        expect(await titles(api)).toHaveLength(N);
        const before = await api.call('embeddings:status', {});
        expect(before.embedded).toBeGreaterThan(0);
        expect(before.embedded).toBeLessThan(N);
        expect.soft(before.missing).toBe(N - before.embedded);
        const s = await api.call('search:query', { query: 'protein binding', mode: 'hybrid' });
        expect(s.mode).toBe('hybrid');
        expect
          .soft(s.notice)
          .toBe(
            `${(N - before.embedded).toLocaleString('en')} of 3,000 papers have no vectors yet; they are found by keywords only.`,
          );

        const r = await api.call('import:run', { source: { kind: 'path', path: file } });
        expect(r).toMatchObject({ imported: 0, duplicateCount: N });
        expect(await api.call('embeddings:status', {})).toMatchObject({
          embedded: N,
          total: N,
          missing: 0,
        });
        expect(new Set(await titles(api)).size).toBe(N);
      } finally {
        await services.close();
      }
    },
  );
});
