// The library write lock across real processes: a second writer waits and says who it waits for,
// gives up after a bounded wait with one line naming the holder, and takes over the lock of a
// process killed with SIGKILL (dead pid) without waiting for its heartbeat to go stale.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Progress } from '@shared/api/contract';
import { QuireError } from '@shared/api/errors';
import { WriteLock } from '../../electron/services/library/write-lock';

const CHILD = fileURLToPath(new URL('./lock-holder-child.ts', import.meta.url));

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'quire-lock-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

/** Starts a child that holds the lock on `dir`; resolves once it says it holds it. */
function holder(dir: string): Promise<{ p: ChildProcess; exited: Promise<string | null> }> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['--import', 'tsx', CHILD, dir], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let err = '';
    p.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    const exited = new Promise<string | null>((r) => p.on('exit', (_c, signal) => r(signal)));
    p.stdout!.on('data', (d: Buffer) => {
      if (d.toString().includes('held')) resolve({ p, exited });
    });
    p.on('exit', (code) => reject(new Error(`holder exited ${code} before holding: ${err}`)));
  });
}

const ctx = (progress: Progress[] = [], signal = new AbortController().signal) => ({
  signal,
  onProgress: (p: Progress) => progress.push(p),
});

describe('library write lock', () => {
  it(
    'makes a second writer wait, saying which process it waits for',
    { timeout: 60_000 },
    async () => {
      const dir = join(tmp, 'wait');
      const { p, exited } = await holder(dir);
      const progress: Progress[] = [];
      const order: string[] = [];
      const lock = new WriteLock(dir, { mode: 'electron', pollMs: 50 });
      const mine = lock.run('saving a paper', ctx(progress), async () => {
        order.push('second writer');
      });
      // Release only once the waiter has said it is waiting (observed, not timed).
      for (let i = 0; i < 600 && progress.length === 0; i++)
        await new Promise((r) => setTimeout(r, 50));
      // A live holder in another process is someone at work.
      expect((await lock.liveOwner())?.operation).toBe('importing papers');
      order.push('holder releases');
      p.stdin!.write('release\n');
      await mine;
      await exited;
      expect(order).toEqual(['holder releases', 'second writer']);
      expect(progress[0]).toMatchObject({ phase: 'waiting' });
      expect(progress[0]!.message).toContain(`pid ${p.pid}`);
      expect(progress[0]!.message).toContain('importing papers');
      expect(progress[0]!.message).toMatch(/^Waiting for another Quire process to finish writing/);
    },
  );

  it(
    'fails after a bounded wait with one line naming the holder',
    { timeout: 60_000 },
    async () => {
      const dir = join(tmp, 'bounded');
      const { p, exited } = await holder(dir);
      const lock = new WriteLock(dir, { mode: 'cli', waitMs: 500, pollMs: 50 });
      let ran = false;
      const err = await lock
        .run('importing papers', ctx(), async () => {
          ran = true;
        })
        .catch((e: unknown) => e);
      p.stdin!.write('release\n');
      await exited;
      expect(ran).toBe(false);
      expect(err).toBeInstanceOf(QuireError);
      const e = err as QuireError;
      expect(e.code).toBe('unavailable');
      expect(e.message.split('\n')).toHaveLength(1);
      expect(e.message).toContain(`the quire command line (pid ${p.pid}) is importing papers`);
    },
  );

  it('takes over the lock of a process killed with SIGKILL', { timeout: 60_000 }, async () => {
    const dir = join(tmp, 'killed');
    const { p, exited } = await holder(dir);
    const deadPid = p.pid;
    p.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    // A heartbeat threshold of an hour: only the dead-pid check can free the lock here.
    const lock = new WriteLock(dir, { mode: 'cli', staleMs: 3_600_000, waitMs: 30_000 });
    expect((await lock.owner())?.pid).toBe(deadPid);
    // Nobody is at work: a status that asks is told so (the embeddings banner then resumes).
    expect(await lock.liveOwner()).toBeNull();
    const progress: Progress[] = [];
    const owner = await lock.run('importing papers', ctx(progress), () => lock.owner());
    expect(owner?.pid).toBe(process.pid);
    expect(progress).toEqual([]);
    expect(await lock.owner()).toBeNull();
  });

  it(
    'lets only one of several waiters take over an abandoned lock at a time',
    { timeout: 60_000 },
    async () => {
      const dir = join(tmp, 'race');
      const { p, exited } = await holder(dir);
      p.kill('SIGKILL');
      await exited;
      let inside = 0;
      let most = 0;
      const locks = Array.from(
        { length: 4 },
        () => new WriteLock(dir, { mode: 'cli', pollMs: 10 }),
      );
      await Promise.all(
        locks.map((l) =>
          l.run('importing papers', ctx(), async () => {
            inside++;
            most = Math.max(most, inside);
            await new Promise((r) => setTimeout(r, 20));
            inside--;
          }),
        ),
      );
      expect(most).toBe(1);
    },
  );

  it(
    'never lets a releasing holder delete the lock the next writer just took',
    { timeout: 60_000 },
    async () => {
      // Regression: a holder forgot its token before removing its folder, so a waiter in the same
      // process saw a live-looking lock "abandoned", removed it, and a third writer's fresh lock was
      // then deleted by the first holder's late rm (ENOENT writing the owner file in CI).
      const dir = join(tmp, 'release-race');
      let inside = 0;
      let most = 0;
      const locks = Array.from({ length: 6 }, () => new WriteLock(dir, { mode: 'cli', pollMs: 1 }));
      for (let round = 0; round < 15; round++) {
        await Promise.all(
          locks.map((l) =>
            l.run('importing papers', ctx(), async () => {
              inside++;
              most = Math.max(most, inside);
              await new Promise((r) => setImmediate(r));
              inside--;
            }),
          ),
        );
      }
      expect(most).toBe(1);
    },
  );

  it('lets overlapping writes of one process share the hold, and keeps other processes out', async () => {
    const dir = join(tmp, 'shared');
    const lock = new WriteLock(dir, { mode: 'electron' });
    const order: string[] = [];
    let finishImport!: () => void;
    const importing = lock.run('importing papers', ctx(), async () => {
      order.push('import starts');
      await new Promise<void>((r) => (finishImport = r));
      order.push('import ends');
    });
    // A notes edit in the same process runs while the import holds the lock.
    await lock.run('saving a paper', ctx(), async () => {
      order.push('edit');
      expect((await lock.owner())?.operation).toBe('importing papers');
    });
    // Another process (another instance here) still waits for the hold to end.
    const other = new WriteLock(dir, { mode: 'cli', waitMs: 300, pollMs: 50 });
    const refused = await other.run('importing papers', ctx(), async () => 'ran').catch((e) => e);
    expect(refused).toBeInstanceOf(QuireError);
    finishImport();
    await importing;
    expect(order).toEqual(['import starts', 'edit', 'import ends']);
    expect(await lock.owner()).toBeNull();
    expect(await other.run('importing papers', ctx(), async () => 'ran')).toBe('ran');
  });
});
