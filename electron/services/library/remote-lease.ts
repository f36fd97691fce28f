// One writer at a time for a library on an object store, across machines. There is no mkdir to make
// atomic there, and an S3-compatible server may ignore conditional writes (s3rver does; then two
// LanceDB commits of the same version overwrite each other and one is lost). So a writer takes a
// lease, a one-row LanceDB table naming it, and keeps its heartbeat fresh; a second machine that finds
// a live lease is refused with a message naming the writer, not made to wait behind a network.
//
// Taking the lease: read it; if free (or its heartbeat is older than `staleMs`), write ours; wait;
// read it again; it is ours only if our token is still there. Two machines that both found it free
// both write, the store keeps the last write, and both then read the same winner. The wait is at least
// twice the time our read-then-write took, so a rival that read before our write lands its own write
// before we look again. A rival whose read-to-write gap is longer still (a stalled network) can win
// after we looked: that window is what a store without conditional writes leaves open.
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Connection } from '@lancedb/lancedb';
import { Field, Float64, Schema, Utf8 } from 'apache-arrow';
import type { CallContext } from '@shared/api/contract';
import { QuireError, throwIfCancelled } from '@shared/api/errors';
import { openTableIfExists, replaceRows } from './location';
import { sqlString } from './lance-sql';
import { SharedHold } from './shared-hold';
import { describeOwner, type LockOwner, type WriterMode } from './write-lock';

export const LEASE_TABLE = 'quire_writer';

export type RemoteLeaseOptions = {
  mode: WriterMode;
  /** A lease whose heartbeat is older than this belongs to a writer that is gone. */
  staleMs?: number;
  heartbeatMs?: number;
  /** Least wait between writing the lease and reading it back. */
  settleMs?: number;
  /** Every lease is two commits or more: once in this many commits, versions older than… */
  cleanupEvery?: number;
  /** …this are removed. */
  keepVersionsMs?: number;
};

type Ctx = Pick<CallContext, 'signal'>;

const leaseSchema = new Schema([
  new Field('token', new Utf8(), false),
  new Field('pid', new Float64(), false),
  new Field('host', new Utf8(), false),
  new Field('mode', new Utf8(), false),
  new Field('operation', new Utf8(), false),
  new Field('since', new Utf8(), false),
  new Field('heartbeat', new Utf8(), false),
]);

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

export class RemoteWriterLease {
  private readonly opts: Required<RemoteLeaseOptions>;
  /** Operations of this process share one lease, as they share the local write lock. */
  private readonly hold = new SharedHold<Ctx>((operation, ctx) => this.acquire(operation, ctx));

  constructor(
    private readonly db: Connection,
    /** The library's name, for messages. */
    private readonly name: string,
    opts: RemoteLeaseOptions,
  ) {
    this.opts = {
      staleMs: 60_000,
      heartbeatMs: 15_000,
      settleMs: 250,
      cleanupEvery: 50,
      keepVersionsMs: 3_600_000,
      ...opts,
    };
  }

  run<T>(operation: string, ctx: Ctx, fn: () => Promise<T>): Promise<T> {
    return this.hold.run(operation, ctx, fn);
  }

  /** The writer named by the lease, or null when nobody holds a live one. */
  async owner(): Promise<LockOwner | null> {
    const table = await openTableIfExists(this.db, LEASE_TABLE);
    if (!table) return null;
    try {
      const [row] = await table.query().limit(1).toArray();
      if (!row) return null;
      const owner = { ...row, pid: Number(row.pid) } as LockOwner;
      return Date.now() - Date.parse(owner.heartbeat) > this.opts.staleMs ? null : owner;
    } finally {
      table.close();
    }
  }

  private refuse(owner: LockOwner | null): never {
    throw new QuireError(
      'unavailable',
      `${this.name} is being written elsewhere: ${describeOwner(owner)} (since ${owner?.since ?? 'just now'}). A library on an object store takes one writer at a time; try again when it has finished.`,
      { owner },
    );
  }

  /** Replaces the lease with `owner` in one commit. */
  private write(owner: LockOwner): Promise<void> {
    return replaceRows(this.db, LEASE_TABLE, [owner], leaseSchema);
  }

  private async acquire(operation: string, ctx: Ctx): Promise<() => Promise<void>> {
    throwIfCancelled(ctx.signal);
    const started = Date.now();
    const found = await this.owner();
    if (found) this.refuse(found);
    const now = new Date().toISOString();
    const mine: LockOwner = {
      token: randomBytes(9).toString('base64url'),
      pid: process.pid,
      host: hostname(),
      mode: this.opts.mode,
      operation,
      since: now,
      heartbeat: now,
    };
    await this.write(mine);
    await sleep(Math.max(this.opts.settleMs, 2 * (Date.now() - started)));
    const winner = await this.owner();
    if (winner?.token !== mine.token) this.refuse(winner);
    return this.holding(mine);
  }

  private holding(mine: LockOwner): () => Promise<void> {
    // Beats run one after another, and release waits for the last: a late beat cannot bring a
    // released lease back.
    let beating: Promise<unknown> = Promise.resolve();
    const beat = setInterval(() => {
      beating = beating
        .then(() => this.owner())
        .then((o) =>
          o?.token === mine.token
            ? this.write({ ...mine, heartbeat: new Date().toISOString() })
            : undefined,
        )
        .catch(() => {});
    }, this.opts.heartbeatMs);
    beat.unref();
    return async () => {
      clearInterval(beat);
      await beating;
      const o = await this.owner().catch(() => null);
      if (o?.token !== mine.token) return; // taken over after going quiet: not ours to remove
      const table = await this.db.openTable(LEASE_TABLE);
      try {
        await table.delete(`token = ${sqlString(mine.token)}`);
        if ((await table.version()) % this.opts.cleanupEvery === 0)
          await table.optimize({
            cleanupOlderThan: new Date(Date.now() - this.opts.keepVersionsMs),
          });
      } finally {
        table.close();
      }
    };
  }
}
