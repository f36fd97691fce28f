// One hold shared by the overlapping operations of this process, for the library's write locks
// (write-lock.ts across processes, remote-lease.ts across machines): they are already serialised per
// table by the stores, and a notes edit in the app must not wait for the app's own import. The first
// operation takes the hold, the last one out releases it, and the next take waits for that release.

/** Takes the hold for `operation`; resolves to what releases it. */
export type Acquire<Ctx> = (operation: string, ctx: Ctx) => Promise<() => Promise<void>>;

export class SharedHold<Ctx> {
  private users = 0;
  private held: Promise<() => Promise<void>> | null = null;
  private releasing: Promise<void> = Promise.resolve();

  constructor(private readonly acquire: Acquire<Ctx>) {}

  async run<T>(operation: string, ctx: Ctx, fn: () => Promise<T>): Promise<T> {
    this.users++;
    try {
      if (!this.held) {
        const taking = this.releasing.then(() => this.acquire(operation, ctx));
        this.held = taking;
        taking.catch(() => {
          if (this.held === taking) this.held = null;
        });
      }
      await this.held;
      return await fn();
    } finally {
      this.users--;
      if (this.users === 0 && this.held) {
        const held = this.held;
        this.held = null;
        this.releasing = held.then(
          (release) => release(),
          () => undefined,
        );
        await this.releasing;
      }
    }
  }
}
