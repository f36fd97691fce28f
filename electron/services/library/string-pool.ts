// One copy of each string that repeats across the library's heads: authors, venues, source files,
// tags. A string read from LanceDB is a new copy for every row, so 100k papers from one import held
// 100k copies of its file name, and a prolific author's name once per paper. Bounded: past `max`
// distinct strings, new ones are returned as they are (a library of mostly unique names gains little
// from pooling them, and the pool keeps what it holds for the life of the process).
export class StringPool {
  private readonly pool = new Map<string, string>();

  constructor(private readonly max = 200_000) {}

  /** The pooled copy of `s` (`s` itself when it is new and the pool is full). */
  one(s: string): string {
    const have = this.pool.get(s);
    if (have !== undefined) return have;
    if (this.pool.size < this.max) this.pool.set(s, s);
    return s;
  }

  /** A new array of the pooled copies. */
  all(xs: readonly string[]): string[] {
    return xs.map((s) => this.one(s));
  }

  get size(): number {
    return this.pool.size;
  }
}
