// Embedding service: keeps a vector for every paper under the active model, embedding only papers
// that are new or changed (text hash), in a worker, in batches with progress and cancel. Switching
// models re-indexes into the new model's table while search keeps using the old one until done.
import { createHash } from 'node:crypto';
import type { CallContext } from '../../../shared/api/contract';
import { QuireError } from '../../../shared/api/errors';
import type { EmbeddingStatus, Paper } from '../../../shared/api/schemas';
import type { PaperStore } from '../library/store';
import type { SettingsStore } from '../settings/settings-store';
import { Embedder, type EmbedderModel } from './embedder';
import { VectorStore } from './vector-store';

/** Texts per worker round-trip. */
const EMBED_BATCH = 64;
/** Vectors per LanceDB commit. */
const WRITE_BATCH = 1024;

export type LocatedModel = EmbedderModel & { dims: number };
export type ModelLocator = { locate(id: string): Promise<LocatedModel> };

/** What is embedded for a paper: its title and abstract. */
export function paperText(p: Pick<Paper, 'title' | 'abstract'>): string {
  return p.abstract ? `${p.title}. ${p.abstract}` : p.title;
}

export function textHash(text: string): string {
  return createHash('sha1').update(text).digest('base64url');
}

type Loaded = { model: LocatedModel; embedder: Embedder; vectors: VectorStore };

export class EmbeddingService {
  private readonly loaded = new Map<string, Promise<Loaded>>();
  /** The model whose vectors search reads; changes only when a switch completes. */
  private searchModelId: string;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly deps: {
      libraryDir: string;
      papers: PaperStore;
      models: ModelLocator;
      settings: SettingsStore;
      defaultModel: string;
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
        const vectors = await VectorStore.open(this.deps.libraryDir, model.id, model.dims);
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

  async status(modelId = this.searchModelId): Promise<EmbeddingStatus> {
    const { model, vectors } = await this.load(modelId);
    let embedded = 0;
    for (const p of this.deps.papers.all())
      if (vectors.hashOf(p.id) === textHash(paperText(p))) embedded++;
    return {
      model: model.id,
      dims: model.dims,
      embedded,
      total: this.deps.papers.count,
      searchModel: this.searchModelId,
    };
  }

  /** Embeds what is missing or stale under `modelId` (default: the active model). */
  update(
    ctx: Pick<CallContext, 'signal' | 'onProgress'>,
    modelId = this.searchModelId,
  ): Promise<EmbeddingStatus> {
    return this.serial(async () => {
      const { embedder, vectors } = await this.load(modelId);
      const papers = this.deps.papers.all();
      const live = new Set(papers.map((p) => p.id));
      await vectors.remove([...vectors.ids()].filter((id) => !live.has(id)));
      const todo = papers
        .map((p) => ({ id: p.id, text: paperText(p) }))
        .map((t) => ({ ...t, hash: textHash(t.text) }))
        .filter((t) => vectors.hashOf(t.id) !== t.hash);
      ctx.onProgress({ phase: 'embed', done: 0, total: todo.length });
      let pending: { id: string; hash: string; vector: Float32Array }[] = [];
      let done = 0;
      try {
        for (let i = 0; i < todo.length; i += EMBED_BATCH) {
          if (ctx.signal.aborted) throw new QuireError('cancelled', 'Cancelled.');
          const batch = todo.slice(i, i + EMBED_BATCH);
          const out = await embedder.embed(
            batch.map((b) => b.text),
            ctx.signal,
          );
          batch.forEach((b, j) => pending.push({ id: b.id, hash: b.hash, vector: out[j]! }));
          done += batch.length;
          if (pending.length >= WRITE_BATCH) {
            await vectors.upsert(pending);
            pending = [];
          }
          ctx.onProgress({ phase: 'embed', done, total: todo.length });
        }
      } finally {
        // Whatever was embedded before a cancel is kept: the next update resumes from there.
        await vectors.upsert(pending);
      }
      if (todo.length > 0 && (await vectors.ensureIndex()))
        ctx.onProgress({ phase: 'index', done: 1, total: 1 });
      return this.status(modelId);
    });
  }

  /** Makes `id` the active model once its vectors are complete; search stays on the old one meanwhile. */
  async use(id: string, ctx: Pick<CallContext, 'signal' | 'onProgress'>): Promise<EmbeddingStatus> {
    const status = await this.update(ctx, id);
    this.searchModelId = status.model;
    await this.deps.settings.set({ activeModel: status.model });
    return { ...status, searchModel: status.model };
  }

  /** The vectors and query embedder search should use now. */
  async forSearch(): Promise<{
    modelId: string;
    vectors: VectorStore;
    embedQuery(text: string): Promise<Float32Array>;
  }> {
    const { model, embedder, vectors } = await this.load(this.searchModelId);
    return {
      modelId: model.id,
      vectors,
      embedQuery: async (text) => (await embedder.embed([text]))[0]!,
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
