// Embedding service: keeps a vector for every paper under the active model, embedding only papers
// that are new or changed (text hash), in a worker, in batches with progress and cancel. Switching
// models re-indexes into the new model's table while search keeps using the old one until done.
import type { CallContext } from '@shared/api/contract';
import { QuireError } from '@shared/api/errors';
import type { EmbeddingStatus, EmbeddingWork, Paper } from '@shared/api/schemas';
import type { LibraryLocation } from '../library/location';
import { paperText, textHash } from '../library/paper-head';
import type { PaperStore } from '../library/store';
import type { SettingsStore } from '../settings/settings-store';
import { Embedder, type EmbedderModel } from './embedder';
import { VectorStore, type VectorRow } from './vector-store';

/** Texts per worker round-trip. */
const EMBED_BATCH = 64;
/** Vectors per LanceDB commit. */
const WRITE_BATCH = 1024;

export type LocatedModel = EmbedderModel & { dims: number };
export type ModelLocator = { locate(id: string): Promise<LocatedModel> };
type Ctx = Pick<CallContext, 'signal' | 'onProgress'>;
/** Runs a write while holding the library's cross-process write lock (see library/write-lock.ts). */
export type WithWriteLock = <T>(operation: string, ctx: Ctx, fn: () => Promise<T>) => Promise<T>;

/** For writes that must finish even after a cancel (keeping what was embedded). */
const UNCANCELLABLE: Ctx = { signal: new AbortController().signal, onProgress: () => {} };
const EMBEDDING = 'embedding papers';
/** The write-lock operation of an import, which embeds its papers once they are written. */
export const IMPORTING = 'importing papers';

export { paperText, textHash };

/**
 * The hash of a paper's embedded text. The library's in-memory heads carry it (`textHash`, computed
 * once when a paper is written or read in), so status and update compare hashes without the text.
 */
export function paperHash(p: Paper): string {
  return textHash(paperText(p));
}

/** Papers whose text is read per round when embedding (abstracts come from the table). */
const READ_BATCH = 1024;

type Loaded = { model: LocatedModel; embedder: Embedder; vectors: VectorStore };

export class EmbeddingService {
  private readonly loaded = new Map<string, Promise<Loaded>>();
  /** The model whose vectors search reads; changes only when a switch completes. */
  private searchModelId: string;
  private queue: Promise<unknown> = Promise.resolve();
  /** update() calls queued or running here. */
  private updates = 0;
  /** Imports running here: each embeds its papers once they are written (see `importing`). */
  private imports = 0;
  /** Last unembedded() answer and what it was computed from: recounted only after a change. */
  private coverage: { key: string; missing: number; total: number } | undefined;

  constructor(
    private readonly deps: {
      /** The library's folder, or its location on an object store (its vectors are shared there). */
      library: string | LibraryLocation;
      papers: PaperStore;
      models: ModelLocator;
      settings: SettingsStore;
      defaultModel: string;
      withWriteLock: WithWriteLock;
      /** What the library's live writer (any process) is doing, if anyone holds the write lock. */
      writer?: () => Promise<string | null>;
    },
  ) {
    this.searchModelId = deps.settings.get().activeModel ?? deps.defaultModel;
  }

  get activeModel(): string {
    return this.searchModelId;
  }

  private load(id: string): Promise<Loaded> {
    let p = this.loaded.get(id);
    if (!p) {
      p = (async () => {
        const model = await this.deps.models.locate(id);
        const embedder = await Embedder.start(model);
        const vectors = await VectorStore.open(this.deps.library, model.id, model.dims);
        return { model, embedder, vectors };
      })();
      this.loaded.set(id, p);
      // A failed load is not cached: the user may fix the model and try again.
      p.catch(() => this.loaded.delete(id));
    }
    return p;
  }

  /** Runs jobs that write vectors one after another. */
  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Coverage as of the newest commits on disk, whichever process made them. */
  async status(modelId = this.searchModelId): Promise<EmbeddingStatus> {
    const { vectors } = await this.load(modelId);
    await this.deps.papers.catchUp();
    await vectors.catchUp();
    // Asked before and after counting: work that ended while the papers were counted (an import's
    // embedding) still counts as under way, or a count taken before its last vectors would read as
    // papers nobody is embedding.
    const before = await this.busy();
    const counts = await this.count(modelId);
    return { ...counts, busy: before ?? (await this.busy()) };
  }

  /**
   * Work under way that will embed the missing papers: an update here, or a live writer (this or
   * another process) that is importing or embedding. The Library's banner starts no job of its own
   * meanwhile; it would only queue behind the import's and leave the import's progress stuck.
   */
  private async busy(): Promise<EmbeddingWork | null> {
    if (this.imports > 0) return 'importing';
    if (this.updates > 0) return 'embedding';
    const op = await this.deps.writer?.();
    return op === IMPORTING ? 'importing' : op === EMBEDDING ? 'embedding' : null;
  }

  private async count(modelId: string): Promise<Omit<EmbeddingStatus, 'busy'>> {
    const { model, vectors } = await this.load(modelId);
    let embedded = 0;
    for (const p of this.deps.papers.all()) if (vectors.hashOf(p.id) === p.textHash) embedded++;
    const total = this.deps.papers.count;
    return {
      model: model.id,
      dims: model.dims,
      embedded,
      total,
      missing: total - embedded,
      searchModel: this.searchModelId,
      ...(vectors.indexOutdated ? { indexOutdated: true } : {}),
    };
  }

  /**
   * Papers with no vector at all under the search model (not yet embedded): search tells the user
   * these are found by keywords only. Counted again only when the papers or the vectors changed, so
   * every search can ask.
   */
  async unembedded(): Promise<{ missing: number; total: number }> {
    const { vectors } = await this.load(this.searchModelId);
    await vectors.catchUp();
    // Walking 100k papers took ~55 ms, the larger part of a semantic search: done once per change.
    const key = `${vectors.modelId}@${vectors.revision}:${this.deps.papers.revision}`;
    if (this.coverage?.key !== key) {
      let missing = 0;
      for (const p of this.deps.papers.all()) if (vectors.hashOf(p.id) === undefined) missing++;
      this.coverage = { key, missing, total: this.deps.papers.count };
    }
    return { missing: this.coverage.missing, total: this.coverage.total };
  }

  /**
   * Runs an import that embeds its papers at its end: meanwhile status says so (`busy`), from the
   * first paper read to the last vector written, whoever else holds the write lock.
   */
  async importing<T>(fn: () => Promise<T>): Promise<T> {
    this.imports++;
    try {
      return await fn();
    } finally {
      this.imports--;
    }
  }

  /**
   * Embeds what is missing or stale under `modelId` (default: the active model), resuming whatever an
   * earlier run (killed, cancelled, in another process) left undone. The model runs outside the write
   * lock; each commit takes it, so edits and imports elsewhere are not held up for the whole job.
   */
  update(ctx: Ctx, modelId = this.searchModelId): Promise<EmbeddingStatus> {
    this.updates++;
    return this.serial(async () => {
      try {
        await this.embedMissing(ctx, modelId);
      } finally {
        this.updates--;
      }
      return { ...(await this.count(modelId)), busy: await this.busy() };
    });
  }

  private async embedMissing(ctx: Ctx, modelId: string): Promise<void> {
    const { embedder, vectors } = await this.load(modelId);
    const todo = await this.deps.withWriteLock(EMBEDDING, ctx, async () => {
      // Under the lock, both copies are current: a vector is dropped only if its paper is gone.
      await this.deps.papers.refresh();
      await vectors.refresh();
      const papers = this.deps.papers.all();
      const live = new Set(papers.map((p) => p.id));
      await vectors.remove([...vectors.ids()].filter((id) => !live.has(id)));
      return papers.filter((p) => vectors.hashOf(p.id) !== p.textHash).map((p) => p.id);
    });
    const write = (rows: VectorRow[], c: Ctx) =>
      rows.length === 0
        ? Promise.resolve()
        : this.deps.withWriteLock(EMBEDDING, c, async () => {
            await vectors.refresh();
            await vectors.upsert(rows);
          });
    ctx.onProgress({ phase: 'embed', done: 0, total: todo.length });
    let pending: VectorRow[] = [];
    let done = 0;
    try {
      for (let r = 0; r < todo.length; r += READ_BATCH) {
        // Papers deleted since the list was made are read as absent and skipped.
        const papers = await this.deps.papers.read(todo.slice(r, r + READ_BATCH));
        const texts = papers.map((p) => ({ id: p.id, text: paperText(p) }));
        for (let i = 0; i < texts.length; i += EMBED_BATCH) {
          if (ctx.signal.aborted) throw new QuireError('cancelled', 'Cancelled.');
          const batch = texts.slice(i, i + EMBED_BATCH);
          const out = await embedder.embed(
            batch.map((b) => b.text),
            ctx.signal,
          );
          batch.forEach((b, j) =>
            pending.push({ id: b.id, hash: textHash(b.text), vector: out[j]! }),
          );
          done += batch.length;
          if (pending.length >= WRITE_BATCH) {
            const rows = pending;
            pending = [];
            await write(rows, ctx);
          }
          ctx.onProgress({ phase: 'embed', done, total: todo.length });
        }
        done += Math.min(READ_BATCH, todo.length - r) - papers.length;
      }
    } finally {
      // Whatever was embedded before a cancel is kept: the next update resumes from there.
      await write(pending, UNCANCELLABLE);
    }
    // An index trained for an earlier version's distance is re-trained even when nothing was new.
    if (todo.length > 0 || vectors.indexOutdated) {
      const indexed = await this.deps.withWriteLock(EMBEDDING, ctx, async () => {
        await vectors.refresh();
        return vectors.ensureIndex();
      });
      if (indexed) ctx.onProgress({ phase: 'index', done: 1, total: 1 });
    }
  }

  /** Makes `id` the active model once its vectors are complete; search stays on the old one meanwhile. */
  async use(id: string, ctx: Ctx): Promise<EmbeddingStatus> {
    const status = await this.update(ctx, id);
    this.searchModelId = status.model;
    await this.deps.withWriteLock('switching the embedding model', UNCANCELLABLE, () =>
      this.deps.settings.set({ activeModel: status.model }),
    );
    return { ...status, searchModel: status.model };
  }

  /** The vectors and query embedder search should use now. */
  async forSearch(): Promise<{
    modelId: string;
    vectors: VectorStore;
    embedQuery(text: string): Promise<Float32Array>;
    /** Several texts in one batch (query expansion embeds library terms and feedback papers). */
    embedTexts(texts: string[]): Promise<Float32Array[]>;
  }> {
    const { model, embedder, vectors } = await this.load(this.searchModelId);
    // Vectors another process (the CLI, say) wrote since are searched too.
    await vectors.catchUp();
    return {
      modelId: model.id,
      vectors,
      embedQuery: async (text) => (await embedder.embed([text]))[0]!,
      embedTexts: (texts) => embedder.embed(texts),
    };
  }

  /**
   * Every live paper's vector under the search model (papers deleted since the last update are
   * left out), for whole-library computations such as the similarity graph.
   */
  async allVectors(): Promise<{
    modelId: string;
    ids: string[];
    vectors: Float32Array;
    dims: number;
  }> {
    const { model, vectors } = await this.load(this.searchModelId);
    await this.deps.papers.catchUp();
    await vectors.catchUp();
    const all = await vectors.all();
    const keep: number[] = [];
    all.ids.forEach((id, i) => {
      if (this.deps.papers.get(id)) keep.push(i);
    });
    if (keep.length === all.ids.length) return { modelId: model.id, ...all };
    const out = new Float32Array(keep.length * all.dims);
    keep.forEach((i, j) =>
      out.set(all.vectors.subarray(i * all.dims, (i + 1) * all.dims), j * all.dims),
    );
    return { modelId: model.id, ids: keep.map((i) => all.ids[i]!), vectors: out, dims: all.dims };
  }

  async close(): Promise<void> {
    const all = await Promise.allSettled(this.loaded.values());
    for (const r of all) {
      if (r.status === 'fulfilled') {
        await r.value.embedder.close();
        await r.value.vectors.close();
      }
    }
  }
}
