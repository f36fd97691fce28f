// Library write lock: one writer at a time across processes (app, browser mode, CLI) on one library
// folder, held per write operation. A folder made by mkdir (atomic on every OS and on network shares)
// holds owner.json — pid, host, what it is doing, a heartbeat — so a waiter can name the writer, and a
// lock left by a killed process (dead pid on this host, or a heartbeat gone quiet) is taken over.
//
// Written here rather than taken from proper-lockfile (present in node_modules only as a dependency of
// electron-builder): proper-lockfile removes its folder with rmdir, so it cannot keep an owner record
// in it, and it detects staleness only by mtime, not by asking whether the owner's pid is alive.
import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { mkdir, readFile, rename, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';
import type { CallContext } from '@shared/api/contract';
import { QuireError, throwIfCancelled } from '@shared/api/errors';
import { SharedHold } from './shared-hold';

export const LOCK_DIR = '.write-lock';
const OWNER_FILE = 'owner.json';
/** Silence (in stale periods) after which a live pid on this host is taken to be someone else's. */
const PID_REUSE_FACTOR = 10;

export type WriterMode = 'electron' | 'browser' | 'cli';

/** Who holds the lock, as written in owner.json. */
export type LockOwner = {
  token: string;
  pid: number;
  host: string;
  mode: WriterMode;
  /** What it is doing, e.g. "importing papers". */
  operation: string;
  since: string;
  heartbeat: string;
};

export type WriteLockOptions = {
  mode: WriterMode;
  /** Give up waiting after this long (default: $QUIRE_LOCK_WAIT_MS or 2 minutes). */
  waitMs?: number;
  /** A remote writer whose heartbeat is older than this is gone (on this host: dead pid, or 10× this). */
  staleMs?: number;
  heartbeatMs?: number;
  pollMs?: number;
};

type Ctx = Pick<CallContext, 'signal' | 'onProgress'>;

const MODE_NAMES: Record<WriterMode, string> = {
  electron: 'the Quire app',
  browser: 'Quire in browser mode',
  cli: 'the quire command line',
};

/** "the quire command line (pid 4242) is importing papers" — for messages to people. */
export function describeOwner(o: LockOwner | null): string {
  if (!o) return 'another Quire process is starting to write';
  const where = o.host === hostname() ? `pid ${o.pid}` : `pid ${o.pid} on ${o.host}`;
  return `${MODE_NAMES[o.mode] ?? 'another Quire process'} (${where}) is ${o.operation}`;
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(t);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const t = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}

/** Tokens held by this process, released on exit (e.g. the CLI's process.exit) without waiting. */
const heldDirs = new Map<string, string>();
let exitHookInstalled = false;
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const [dir, token] of heldDirs) {
      try {
        const owner = JSON.parse(readFileSync(join(dir, OWNER_FILE), 'utf8')) as LockOwner;
        if (owner.token === token) rmSync(dir, { recursive: true, force: true });
      } catch {
        // No owner record: nothing of ours to remove.
      }
    }
  });
}

export class WriteLock {
  readonly dir: string;
  private readonly opts: Required<WriteLockOptions>;
  /** Operations of this process share one hold (shared-hold.ts); other processes wait. */
  private readonly hold = new SharedHold<Ctx>((operation, ctx) => this.acquire(operation, ctx));

  constructor(libraryDir: string, opts: WriteLockOptions) {
    this.dir = join(libraryDir, LOCK_DIR);
    const envWait = Number(process.env.QUIRE_LOCK_WAIT_MS);
    this.opts = {
      waitMs: Number.isFinite(envWait) && envWait > 0 ? envWait : 120_000,
      staleMs: 30_000,
      heartbeatMs: 5_000,
      pollMs: 200,
      ...opts,
    };
  }

  /**
   * Runs `fn` holding the library's write lock; waits (with a progress message) while another
   * process holds it. Overlapping operations of this process join the hold already taken.
   */
  run<T>(operation: string, ctx: Ctx, fn: () => Promise<T>): Promise<T> {
    return this.hold.run(operation, ctx, fn);
  }

  /** The current holder, or null when the library is free (or the holder is mid-start). */
  async owner(): Promise<LockOwner | null> {
    try {
      return JSON.parse(await readFile(join(this.dir, OWNER_FILE), 'utf8')) as LockOwner;
    } catch {
      return null;
    }
  }

  /** The holder if it is alive: a lock left by a killed process is not someone at work. */
  async liveOwner(): Promise<LockOwner | null> {
    const owner = await this.owner();
    return owner && !(await this.isAbandoned(owner)) ? owner : null;
  }

  private async acquire(operation: string, ctx: Ctx): Promise<() => Promise<void>> {
    const started = Date.now();
    let announced = false;
    await mkdir(dirname(this.dir), { recursive: true });
    for (;;) {
      throwIfCancelled(ctx.signal);
      const token = await this.tryCreate(operation);
      if (token) return this.holding(token);
      const owner = await this.owner();
      if (await this.isAbandoned(owner)) {
        await this.takeOver(owner);
        continue;
      }
      if (!announced) {
        announced = true;
        ctx.onProgress({
          phase: 'waiting',
          done: 0,
          total: null,
          message: `Waiting for another Quire process to finish writing: ${describeOwner(owner)}.`,
        });
      }
      if (Date.now() - started > this.opts.waitMs) {
        throw new QuireError(
          'unavailable',
          `The library is busy: ${describeOwner(owner)}; waited ${Math.round(this.opts.waitMs / 1000)} s. Try again when it has finished.`,
          { owner },
        );
      }
      await sleep(this.opts.pollMs, ctx.signal);
    }
  }

  /** mkdir is the atomic step: whoever creates the folder owns the lock. */
  private async tryCreate(operation: string): Promise<string | null> {
    try {
      await mkdir(this.dir);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') return null;
      throw err;
    }
    const token = randomBytes(9).toString('base64url');
    const now = new Date().toISOString();
    const owner: LockOwner = {
      token,
      pid: process.pid,
      host: hostname(),
      mode: this.opts.mode,
      operation,
      since: now,
      heartbeat: now,
    };
    installExitHook();
    heldDirs.set(this.dir, token);
    try {
      await this.writeOwner(owner);
    } catch (err) {
      heldDirs.delete(this.dir);
      await rm(this.dir, { recursive: true, force: true });
      throw err;
    }
    return token;
  }

  private async writeOwner(owner: LockOwner): Promise<void> {
    // Temp file + rename: a reader sees the old record or the new one, never half of one.
    const tmp = join(this.dir, `.${OWNER_FILE}.${owner.token}.tmp`);
    await writeFile(tmp, JSON.stringify(owner));
    await rename(tmp, join(this.dir, OWNER_FILE));
  }

  private holding(token: string): () => Promise<void> {
    const beat = setInterval(() => {
      void this.owner().then((o) => {
        if (o?.token === token)
          return this.writeOwner({ ...o, heartbeat: new Date().toISOString() }).catch(() => {});
      });
    }, this.opts.heartbeatMs);
    beat.unref();
    return async () => {
      clearInterval(beat);
      try {
        const o = await this.owner();
        // Only remove our own lock: if it was taken over meanwhile, the folder is someone else's now.
        if (o?.token === token) await this.remove(token);
      } finally {
        // Forget the token only now: until the folder is gone, a waiter of this process must see a
        // live holder, not an abandoned lock to take over. The next writer may already hold it.
        if (heldDirs.get(this.dir) === token) heldDirs.delete(this.dir);
      }
    };
  }

  /**
   * Removes the lock folder in one atomic step: it is renamed aside first, so a recursive delete
   * can never reach into a fresh lock that another writer creates under the same name meanwhile.
   */
  private async remove(tag: string): Promise<void> {
    const aside = `${this.dir}.${tag}.${randomBytes(4).toString('hex')}.gone`;
    try {
      await rename(this.dir, aside);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw err;
    }
    await rm(aside, { recursive: true, force: true });
  }

  private async isAbandoned(owner: LockOwner | null): Promise<boolean> {
    if (!owner) {
      // Created but no owner yet: normal for a few milliseconds; abandoned if it stays that way.
      try {
        return Date.now() - (await stat(this.dir)).mtimeMs > this.opts.staleMs;
      } catch {
        return false; // just released: the next mkdir will tell
      }
    }
    const quiet = Date.now() - Date.parse(owner.heartbeat);
    if (owner.host === hostname()) {
      if (!pidAlive(owner.pid)) return true;
      if (owner.pid === process.pid && heldDirs.get(this.dir) !== owner.token) return true;
      // A live pid on this host is a busy writer (a blocked event loop delays its heartbeat), not a
      // dead one; only a very long silence means the pid was reused by an unrelated process.
      return quiet > PID_REUSE_FACTOR * this.opts.staleMs;
    }
    // Another host (a library on a network share): its pid cannot be checked, only its heartbeat.
    return quiet > this.opts.staleMs;
  }

  /**
   * Removes an abandoned lock. Waiters may all see it abandoned at once, so removal happens under a
   * second mkdir folder, after re-reading the owner: a lock someone else just took stays untouched.
   */
  private async takeOver(seen: LockOwner | null): Promise<void> {
    const guard = `${this.dir}.takeover`;
    try {
      await mkdir(guard);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      // A taker killed mid-takeover leaves its guard behind; it only ever lives for milliseconds.
      const age = await stat(guard).then(
        (s) => Date.now() - s.mtimeMs,
        () => 0,
      );
      if (age > this.opts.staleMs) await rmdir(guard).catch(() => {});
      return;
    }
    try {
      const now = await this.owner();
      if (now?.token === seen?.token && (await this.isAbandoned(now)))
        await this.remove('takeover');
    } finally {
      await rmdir(guard).catch(() => {});
    }
  }
}
