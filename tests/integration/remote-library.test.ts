// A library on object storage, against a real S3-compatible server (s3rver) on 127.0.0.1 started by
// the test: two "machines" (two sets of services, each with its own folder for personal files) open
// s3://quire/lab, read what the other wrote, and a second writer is refused while the first writes.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as lancedb from '@lancedb/lancedb';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createClient, type Api } from '@shared/api/client';
import { QuireError } from '@shared/api/errors';
import { inProcessTransport } from '@shared/api/in-process';
import { createServices, type Services } from '../../electron/services';
import { libraryLocation } from '../../electron/services/library/location';
import { LEASE_TABLE, RemoteWriterLease } from '../../electron/services/library/remote-lease';
import { openCore } from '../../electron/services/wiring/core';
import { quietCtx } from '../../electron/services/wiring/core.fixtures';
import { startS3Server, type S3Server } from '../support/s3-server';

const MODELS = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'resources', 'models');
const SECRET = 'quire-test-secret-key';

const PAPERS = [
  ['Message passing on molecular graphs', 'Graph neural networks pass messages between atoms.'],
  ['Reward shaping for robot control', 'An agent learns a control policy from sparse reward.'],
  ['Ocean heat and rainfall', 'Warming oceans change seasonal rainfall over land.'],
].map(([title, abstract]) => ({ title, abstract }));

let server: S3Server;
let bucketDir: string;
let scratch: string;
const open: Services[] = [];

beforeAll(async () => {
  server = await startS3Server('quire', SECRET);
  bucketDir = server.dir;
  for (const [k, v] of Object.entries(server.env)) vi.stubEnv(k, v);
});

afterAll(async () => {
  await server.close();
  vi.unstubAllEnvs();
});

afterEach(async () => {
  while (open.length > 0) await open.pop()!.close();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

/** One machine: its own folder for personal files, the shared library on the server. */
async function machine(library: string, name: string): Promise<Api> {
  scratch ??= await mkdtemp(join(tmpdir(), 'quire-machines-'));
  const services = await createServices({
    libraryDir: library,
    remoteFilesDir: join(scratch, name),
    mode: 'cli',
    bundledModelsDir: MODELS,
  });
  open.push(services);
  return createClient(inProcessTransport(services.dispatch));
}

const jsonl = (papers: object[]) => papers.map((p) => JSON.stringify(p)).join('\n');

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

describe('a library at s3://bucket/prefix', () => {
  it('is shared by two machines: papers, their vectors and edits; credentials stay out of it', async () => {
    const a = await machine('s3://quire/lab', 'a');
    const info = await a.call('app:info', {});
    expect(info.location).toBe('s3://quire/lab');
    expect(info.personalFiles).toBe(join(scratch, 'a'));
    await a.call('import:run', {
      source: { kind: 'text', name: 'papers.jsonl', text: jsonl(PAPERS) },
    });
    await a.call('embeddings:update', {});

    const b = await machine('s3://quire/lab/', 'b');
    const listed = await b.call('library:list', { limit: 10 });
    expect(listed.items.map((p) => p.title).sort()).toEqual(PAPERS.map((p) => p.title).sort());
    const keyword = await b.call('search:query', { query: 'rainfall', mode: 'fts' });
    expect(keyword.hits[0]?.paper.title).toBe('Ocean heat and rainfall');
    // Semantic search on B reads the vectors A computed (B embedded nothing).
    const semantic = await b.call('search:query', { query: 'molecules', mode: 'vector', k: 1 });
    expect(semantic.hits[0]?.paper.title).toBe('Message passing on molecular graphs');

    // An edit on B reaches A (readers look for other machines' commits every two seconds).
    const robot = listed.items.find((p) => p.title.startsWith('Reward'))!;
    await b.call('library:update', { id: robot.id, tags: ['rl'] });
    const tagsOnA = async () =>
      (await a.call('library:list', { limit: 10 })).items.find((p) => p.id === robot.id)?.tags;
    await expect.poll(tagsOnA, { timeout: 15_000 }).toEqual(['rl']);

    // Nothing personal and no credential went to the bucket; the bucket holds LanceDB tables only.
    const stored = await filesUnder(join(bucketDir, 'quire'));
    expect(stored.length).toBeGreaterThan(0);
    expect(stored.every((f) => f.includes(`${join('quire', 'lab', 'lancedb')}`))).toBe(true);
    for (const f of stored) expect(await readFile(f, 'utf8')).not.toContain(SECRET);
    // B's record that a person typed the tag is B's own (tagging.json), on B's disk.
    expect(await filesUnder(join(scratch, 'b'))).toContainEqual(
      expect.stringMatching(/tagging\.json$/),
    );
  });

  it("refuses a second machine's write while the first writes, and takes it after", async () => {
    const library = 's3://quire/busy';
    const a = await openCore({
      libraryDir: library,
      remoteFilesDir: join((scratch = await mkdtemp(join(tmpdir(), 'quire-machines-'))), 'a'),
      mode: 'cli',
      bundledModelsDir: MODELS,
    });
    const b = await machine(library, 'b');
    await b.call('import:run', {
      source: { kind: 'text', name: 'p.jsonl', text: jsonl(PAPERS.slice(0, 1)) },
    });
    const [paper] = (await b.call('library:list', {})).items;

    let finish!: () => void;
    const held = a.withWriteLock('importing papers', quietCtx(), async () => {
      await new Promise<void>((r) => (finish = r));
    });
    await expect.poll(() => typeof finish).toBe('function');
    const refused = await b.call('library:update', { id: paper!.id, tags: ['x'] }).then(
      () => null,
      (err: unknown) => err,
    );
    expect(refused).toBeInstanceOf(QuireError);
    expect((refused as QuireError).code).toBe('unavailable');
    expect((refused as QuireError).message).toMatch(
      /s3:\/\/quire\/busy is being written elsewhere: the quire command line \(pid \d+\) is importing papers .*one writer at a time/,
    );
    // Reading goes on meanwhile.
    expect((await b.call('library:list', {})).total).toBe(1);

    finish();
    await held;
    await b.call('library:update', { id: paper!.id, tags: ['x'] });
    expect((await b.call('library:get', { id: paper!.id })).tags).toEqual(['x']);
    await a.tagging.close();
    await a.embeddings.close();
    await a.store.close();
  });
});

describe('the writer lease on an object store', () => {
  const lease = async (
    library: string,
    opts: { staleMs?: number; cleanupEvery?: number; keepVersionsMs?: number } = {},
  ) => {
    const where = libraryLocation(library);
    const db = await lancedb.connect(where.lanceUri, { storageOptions: where.storageOptions! });
    return { db, lease: new RemoteWriterLease(db, where.name, { mode: 'cli', ...opts }) };
  };

  it('lets exactly one of two machines that ask at the same moment write', async () => {
    for (let round = 0; round < 3; round++) {
      const one = await lease(`s3://quire/race-${round}`);
      const two = await lease(`s3://quire/race-${round}`);
      const ran: string[] = [];
      const outcomes = await Promise.allSettled([
        one.lease.run('writing', quietCtx(), async () => ran.push('one')),
        two.lease.run('writing', quietCtx(), async () => ran.push('two')),
      ]);
      expect(ran).toHaveLength(1);
      const rejected = outcomes.filter((o) => o.status === 'rejected');
      expect(rejected).toHaveLength(1);
      expect(String((rejected[0] as PromiseRejectedResult).reason)).toMatch(/being written/);
      // Released: either can write now.
      await two.lease.run('writing', quietCtx(), async () => ran.push('two again'));
      expect(ran).toContain('two again');
      one.db.close();
      two.db.close();
    }
  });

  it('removes its own old versions now and then', async () => {
    const { db, lease: l } = await lease('s3://quire/versions', {
      cleanupEvery: 3,
      keepVersionsMs: 0,
    });
    for (let i = 0; i < 6; i++) await l.run('writing', quietCtx(), async () => {});
    const table = await db.openTable(LEASE_TABLE);
    // 12 commits (a write and a delete per lease); a cleanup after the last keeps only the newest.
    expect(await table.version()).toBeGreaterThanOrEqual(12);
    expect((await table.listVersions()).length).toBeLessThan(4);
    table.close();
    db.close();
  });

  it('takes over a lease whose writer went quiet', async () => {
    const gone = await lease('s3://quire/stale');
    const stale = new Date(Date.now() - 120_000).toISOString();
    await gone.db.createTable(
      LEASE_TABLE,
      [
        {
          token: 'gone',
          pid: 1,
          host: 'crashed-laptop',
          mode: 'cli',
          operation: 'importing papers',
          since: stale,
          heartbeat: stale,
        },
      ],
      { mode: 'overwrite' },
    );
    const next = await lease('s3://quire/stale', { staleMs: 60_000 });
    expect(await next.lease.run('writing', quietCtx(), async () => 'wrote')).toBe('wrote');
    expect(await next.lease.owner()).toBeNull();
    gone.db.close();
    next.db.close();
  });
});
