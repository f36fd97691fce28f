// The words of the library's searchable text (filter.ts: title, authors, abstract, venue, notes, DOI,
// arXiv id, tags, year) → the papers holding them, for the list's and search's text filter. Without
// it every filtered list scanned the whole library's text (123 ms at 100k papers) and kept a
// lower-cased copy of it in memory.
//
// The filter asks that each typed word occur anywhere in that text, as a substring. A word made of
// letters and digits only can occur only inside one of the text's words (its maximal runs of letters,
// digits and marks), so the papers holding it are those of every indexed word containing it: an
// exact answer from the vocabulary, not an estimate. A typed word with punctuation ("graph-based",
// "10.1038/") is looked up by its longest run, then checked against the candidates' text.
//
// Built on first use from the table's text, read a batch at a time (abstracts are not kept in memory:
// paper-head.ts), and kept current by the store's writes like identity-index.ts; a reload drops it.
// Building costs ~45–80 µs a paper (4.5 s at 100k papers, 64–84 s at 1M: splitting the text into
// words and numbering them), so it runs in slices between other work; a filter meanwhile waits for it
// in a small library (up to WAIT_MAX papers) or once the build is nearly done (WAIT_SHARE), and
// otherwise reads the table's text through (9.5 s at 1M). A write during the build starts it over at
// the next filter.
// Papers are numbered in the order they are indexed; a word's posting holds its papers' numbers as
// varint gaps (the index's data: text-index-built.ts). A removed paper's number is retired rather
// than taken out of every posting; once half the numbers are retired, the index is rebuilt.
// The words containing a typed one are found in the vocabulary's joined text (vocabulary.ts), and the
// answer holds the papers' heads, marked by number (Marked): at 1M papers, testing each word and
// building a set of the matching ids had taken most of a text-filtered list's time.
import type { Paper } from '@shared/api/schemas';
import { searchableText, type PaperIds } from './filter';
import type { PaperHead, PaperReader } from './paper-head';
import { asSearch, nextSlice, resumeSlices } from '../background';
import { forEach, trim } from './postings';
import { longest, WORD, WORD_SPLIT } from './text-words';
import { headKey, TextIndexFile } from './text-index-snapshot';
import { SCAN_BATCH } from './paper-rows';
import { emptyIndex, marked, Marked, put, retire, saved, type Built } from './text-index-built';

/** In libraries up to this size a filter waits for the index to be built (~0.2 s) rather than scan. */
const WAIT_MAX = 5_000;
/** Papers read from the table at a time while building (as few as a scan's: paper-rows.ts). */
const SLICE = SCAN_BATCH;
/** A build yields to other work after this long (indexing a paper takes ~45 µs). */
const SLICE_MS = 10;
/** A saved index is taken when it lacks at most 1/REREAD_SHARE of the library (read by id). */
const REREAD_SHARE = 10;

/**
 * In a larger library a filter waits for a build this far through (the share of the papers indexed)
 * rather than read the table's text: at 1M papers a read took 9.5 s and a build 64–84 s, so a build's
 * last ~12 % takes about a read's time, and leaves the index built for the filters after.
 */
const WAIT_SHARE = 0.88;

type Job = {
  cancelled: boolean;
  done: Promise<void>;
  /** The share of the library's papers a fresh build has indexed so far. */
  share: number;
};

export class TextIndex {
  private index: Built | undefined;
  private building: Job | undefined;
  /** While the index is being taken from its file: settles once it is (or cannot be). */
  private restoring: Promise<void> | undefined;
  /** Callers waiting for the build (ready()): its slices then give way to nothing else. */
  private awaited = 0;

  /** Where the index is kept between sessions (text-index-snapshot.ts); none: built each session. */
  private readonly file: TextIndexFile | undefined;

  constructor(
    private readonly papers: PaperReader,
    dir?: string,
  ) {
    this.file = dir === undefined ? undefined : TextIndexFile.in(dir, WORD_SPLIT);
  }

  /**
   * The ids of the papers whose text holds every one of `typed` (lower-cased, as filter.ts's
   * `words` gives them): from the index, or from the table's text while the index is being built in
   * a large library, or when a word has no letter or digit to look up.
   */
  async matching(typed: readonly string[]): Promise<PaperIds> {
    const runs = typed.map((w) => w.match(WORD));
    if (runs.some((r) => !r)) return this.scan(typed);
    let index = this.built();
    // Taking the index from its file is quicker than reading the table's text: at 1M papers 11 s
    // against 49 s. A filter meanwhile waits for it (as one for a small library waits for a build).
    if (!index && this.restoring) {
      await this.waitingFor(this.restoring);
      index = this.built();
    }
    const job = this.building;
    if (!index && this.papers.count <= WAIT_MAX) {
      await this.ready();
      index = this.built();
    } else if (!index && job && job.share >= WAIT_SHARE) {
      // That build only: should a write cut it short, the filter reads the text rather than wait for
      // a build from the start.
      await this.waitingFor(job.done);
      index = this.built();
    }
    if (!index) return this.scan(typed);
    // Papers as marks over their numbers (a set of 100k+ numbers cost more than the postings).
    let found: Uint8Array | undefined;
    // Longest words first: they are usually the rarest, so the later ones check fewer papers.
    const order = typed.map((w, i) => ({ w, run: longest(runs[i]!) }));
    order.sort((a, b) => b.run.length - a.run.length);
    for (const { w, run } of order) {
      const next = new Uint8Array(index.headAt.length);
      const seen = found;
      let count = 0;
      index.vocab.containing(run, (word) =>
        forEach(index.posts[word]!, (ord) => {
          if (next[ord] === 0 && (!seen || seen[ord] === 1) && index.headAt[ord] !== undefined) {
            next[ord] = 1;
            count++;
          }
        }),
      );
      if (w !== run && count > 0) {
        const candidates = marked(next);
        const holding = await this.scan(
          [w],
          candidates.map((ord) => index.headAt[ord]!.id),
        );
        for (const ord of candidates) {
          if (holding.has(index.headAt[ord]!.id)) continue;
          next[ord] = 0;
          count--;
        }
      }
      found = next;
      if (count === 0) break;
    }
    return found ? new Marked(found, index) : new Set();
  }

  /** Whether the index is built (filters are answered from it). */
  get isBuilt(): boolean {
    return this.index !== undefined;
  }

  /** Starts building the index, if it is not built or being built. */
  warm(): void {
    this.built();
  }

  /**
   * Resolves once the index is built (starting the build if needed), or once a few builds in a row
   * were cut short (by writes, or a table that cannot be read).
   */
  ready(): Promise<void> {
    return this.waitingFor(
      (async () => {
        for (let tries = 0; tries < 3 && !this.built(); tries++) await this.building?.done;
      })(),
    );
  }

  /** Waits for `work` of the build as a caller: its slices give way to nothing else meanwhile. */
  private async waitingFor(work: Promise<void>): Promise<void> {
    this.awaited++;
    resumeSlices();
    try {
      await work;
    } finally {
      this.awaited--;
    }
  }

  /** The papers (of `ids`, or of the library) whose text holds every typed word, read from the table. */
  private async scan(typed: readonly string[], ids?: readonly string[]): Promise<Set<string>> {
    const found = new Set<string>();
    const check = (papers: readonly Paper[]) => {
      for (const p of papers) {
        const text = searchableText(p);
        if (typed.every((w) => text.includes(w))) found.add(p.id);
      }
    };
    if (ids) check(await this.papers.read(ids));
    // As a search: the index's own build (or restore) gives way meanwhile. Sharing the thread with it,
    // the first filter after opening a 1M-paper library took 60–65 s (bench/scale, open-library.ts).
    else
      await asSearch(async () => {
        for await (const batch of this.papers.batches()) check(batch);
      });
    // A paper the table holds but the library does not (yet) know is not listed.
    for (const id of found) if (!this.papers.get(id)) found.delete(id);
    return found;
  }

  added(papers: readonly Paper[]): void {
    this.cancelBuild();
    if (!this.index) return;
    for (const p of papers) {
      // The library's copy of the paper: it is listed as that (the store adds it first).
      const head = this.papers.get(p.id);
      if (head) put(this.index, p, head);
    }
    this.file?.changed(papers.length);
    this.file?.saveIfDue(saved(this.index));
  }

  replaced(before: readonly PaperHead[], after: readonly Paper[]): void {
    this.removed(before);
    this.added(after);
  }

  removed(papers: readonly PaperHead[]): void {
    this.cancelBuild();
    const index = this.index;
    if (!index) return;
    for (const p of papers) retire(index, p.id);
    this.file?.changed(papers.length);
    if (index.retired > index.headAt.length / 2) this.index = undefined;
  }

  reset(): void {
    this.cancelBuild();
    this.index = undefined;
  }

  /** The index, or undefined while it is being built in the background. */
  private built(): Built | undefined {
    if (this.index || this.building) return this.index;
    const job: Job = { cancelled: false, done: Promise.resolve(), share: 0 };
    job.done = (async () => {
      let index: Built | undefined;
      try {
        let restoreEnded = () => {};
        const restoring = new Promise<void>((go) => (restoreEnded = go));
        this.restoring = restoring;
        try {
          index = await this.restored(job);
          // Filters waiting for the restore find the index once they go on.
          if (index && !job.cancelled) this.index = index;
        } finally {
          if (this.restoring === restoring) this.restoring = undefined;
          restoreEnded();
        }
        // A write during the restore cancels the job: the next filter starts again.
        if (!index && !job.cancelled) index = await this.fresh(job);
      } catch {
        // The table could not be read (closed, gone): filters scan until a later build succeeds.
        job.cancelled = true;
      } finally {
        if (this.building === job) this.building = undefined;
      }
      if (job.cancelled || !index) return;
      this.index = index;
      this.file?.saveIfDue(saved(index));
    })();
    this.building = job;
    return undefined;
  }

  /** The index built from every paper's text, read from the table. */
  private async fresh(job: Job): Promise<Built | undefined> {
    const index = emptyIndex();
    const slices = this.slicer();
    for await (const batch of this.papers.batches(SLICE)) {
      for (const p of batch) {
        if (job.cancelled) return undefined;
        // A paper read from the table but not (yet) in the library's copy is left out.
        const head = this.papers.get(p.id);
        if (head) put(index, p, head);
        job.share = index.headAt.length / this.papers.count;
        await slices();
      }
    }
    for (const [n, post] of index.posts.entries()) {
      if (job.cancelled) return undefined;
      trim(post);
      if (n % 1024 === 1023) await slices();
    }
    this.file?.changed(index.headAt.length);
    return index;
  }

  /**
   * The index saved by an earlier session, its papers checked against the library's heads: those
   * changed or added since are indexed from their text, read by id. Undefined when there is no saved
   * index, or when so much changed that building it afresh is as quick.
   */
  private async restored(job: Job): Promise<Built | undefined> {
    const read = await this.file?.read();
    if (!read || job.cancelled) return undefined;
    const index = emptyIndex();
    const slices = this.slicer();
    for (const [n, w] of read.words.entries()) {
      if (index.vocab.idOf(w) !== n) return undefined;
      if (n % 1024 === 1023) await slices();
    }
    index.posts = read.posts;
    let stale = 0;
    for (const entry of read.papers) {
      const head = entry && this.papers.get(entry[0]);
      const ord = index.headAt.length;
      if (head && !index.ordOf.has(head.id) && headKey(head) === entry[1]) {
        index.headAt.push(head);
        index.ordOf.set(head.id, ord);
      } else {
        index.headAt.push(undefined);
        index.retired++;
        if (entry) stale++;
      }
      if (ord % 256 === 255) await slices();
    }
    const missing = this.papers.all().filter((h) => !index.ordOf.has(h.id));
    if (missing.length > this.papers.count / REREAD_SHARE) return undefined;
    for (let i = 0; i < missing.length; i += SLICE) {
      for (const p of await this.papers.read(missing.slice(i, i + SLICE).map((h) => h.id))) {
        if (job.cancelled) return undefined;
        const head = this.papers.get(p.id);
        if (head) put(index, p, head);
        await slices();
      }
    }
    if (job.cancelled || index.retired > index.headAt.length / 2) return undefined;
    this.file?.changed(stale + missing.length);
    return index;
  }

  /** Called after each paper: yields to other work once SLICE_MS have passed since the last time. */
  private slicer(): () => Promise<void> | undefined {
    let since = performance.now();
    let n = 0;
    return () => {
      // A list page or a search waiting for LanceDB goes first: one slice is ~10 ms, not 0.1 s.
      if (++n % 32 !== 0 || performance.now() - since <= SLICE_MS) return undefined;
      return nextSlice(this.awaited > 0).then(() => void (since = performance.now()));
    };
  }

  /** Saves the index if much changed since it was last saved; nothing is saved after. */
  async close(): Promise<void> {
    this.cancelBuild();
    await this.file?.close(this.index && saved(this.index));
  }

  private cancelBuild(): void {
    if (!this.building) return;
    this.building.cancelled = true;
    this.building = undefined;
  }
}
