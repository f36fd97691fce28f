// EmbeddingService on a real library (LanceDB in a temp folder) with the bundled model: it embeds
// only what is new or changed, drops vectors of deleted papers, keeps what a cancelled run made and
// resumes from there, and refuses an unknown model without leaving the one search uses.
import { afterEach, describe, expect, it } from 'vitest';
import type { Progress } from '@shared/api/contract';
import { QuireError } from '@shared/api/errors';
import { DEFAULT_MODEL } from '../wiring/options';
import { openTestCore, quietCtx, type TestCore } from '../wiring/core.fixtures';
import { importExportHandlers } from '../wiring/import-export';
import { paperHash, paperText, textHash } from './embedding-service';
import { paperRecord } from '../../../tests/support/paper';

const papers = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    title: `Study ${i} of ${['graph networks', 'protein folding', 'language models'][i % 3]}`,
    abstract: `We measure effect ${i} in deep learning.`,
  }));

let core: TestCore | undefined;
afterEach(async () => {
  await core?.close();
  core = undefined;
});

const cosine = (a: Float32Array, b: Float32Array) => {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!;
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
  }
  return dot / Math.sqrt(na * nb);
};

describe('paperHash', () => {
  it('is the hash of the embedded text, kept per paper object, new for an edited copy', () => {
    const p = paperRecord('h', { title: 'Spectra', abstract: 'Laplacian eigenvalues.' });
    expect(paperHash(p)).toBe(textHash(paperText(p)));
    expect(paperHash(p)).toBe(paperHash(p));
    const edited = { ...p, abstract: 'Laplacian eigenvectors.' };
    expect(paperHash(edited)).toBe(textHash(paperText(edited)));
    expect(paperHash(edited)).not.toBe(paperHash(p));
  });
});

describe('EmbeddingService', () => {
  it('embeds every paper once; a second update has nothing to do', async () => {
    core = await openTestCore(papers(30));
    const status = await core.embeddings.status();
    expect(status).toMatchObject({ model: DEFAULT_MODEL, embedded: 30, total: 30, missing: 0 });
    expect(status.dims).toBeGreaterThan(0);
    const events: Progress[] = [];
    await core.embeddings.update({ ...quietCtx(), onProgress: (p) => events.push(p) });
    expect(events).toEqual([{ phase: 'embed', done: 0, total: 0 }]);
    expect(await core.embeddings.unembedded()).toEqual({ missing: 0, total: 30 });
  });

  it("a paper's stored vector is the embedding of its title and abstract", async () => {
    core = await openTestCore(papers(3));
    const all = await core.embeddings.allVectors();
    const search = await core.embeddings.forSearch();
    expect(search.modelId).toBe(DEFAULT_MODEL);
    const id = all.ids[1]!;
    const stored = all.vectors.subarray(all.dims, 2 * all.dims);
    const fresh = await search.embedQuery(paperText((await core.store.read([id]))[0]!));
    expect(fresh).toHaveLength(all.dims);
    expect(cosine(stored, fresh)).toBeCloseTo(1, 5);
  });

  it('re-embeds only a changed paper and drops the vector of a deleted one', async () => {
    core = await openTestCore(papers(10));
    const [changed, deleted] = core.store.all();
    await core.store.update([{ ...changed!, abstract: 'A new abstract about proteins.' }]);
    await core.store.remove([deleted!.id]);
    expect(await core.embeddings.status()).toMatchObject({ embedded: 8, total: 9, missing: 1 });
    expect((await core.embeddings.allVectors()).ids).not.toContain(deleted!.id);

    const events: Progress[] = [];
    const after = await core.embeddings.update({
      ...quietCtx(),
      onProgress: (p) => events.push(p),
    });
    expect(after).toMatchObject({ embedded: 9, total: 9, missing: 0 });
    expect(events.filter((p) => p.phase === 'embed').at(-1)).toEqual({
      phase: 'embed',
      done: 1,
      total: 1,
    });
    expect((await core.embeddings.allVectors()).ids.sort()).toEqual(
      core.store
        .all()
        .map((p) => p.id)
        .sort(),
    );
  });

  it('a cancelled update keeps the batches it embedded; the next one resumes from there', async () => {
    core = await openTestCore([]);
    await core.ingest.run(
      {
        source: {
          kind: 'text',
          name: 'p.jsonl',
          text: papers(200)
            .map((p) => JSON.stringify(p))
            .join('\n'),
        },
      },
      quietCtx(),
    );
    const abort = new AbortController();
    const cancelled = await core.embeddings
      .update({
        signal: abort.signal,
        onProgress: (p) => {
          if (p.done > 0) abort.abort();
        },
      })
      .catch((e: unknown) => e);
    expect(cancelled).toBeInstanceOf(QuireError);
    expect(cancelled).toMatchObject({ code: 'cancelled' });
    const partial = await core.embeddings.status();
    expect(partial.embedded).toBeGreaterThan(0);
    expect(partial.embedded).toBeLessThan(200);
    expect(await core.embeddings.unembedded()).toEqual({ missing: partial.missing, total: 200 });

    const events: Progress[] = [];
    const done = await core.embeddings.update({ ...quietCtx(), onProgress: (p) => events.push(p) });
    expect(done).toMatchObject({ embedded: 200, missing: 0 });
    expect(events[0]).toEqual({ phase: 'embed', done: 0, total: partial.missing });
  });

  it('status says who fills the gap: the import while it writes and embeds, an update, then nobody', async () => {
    core = await openTestCore([]);
    const c = core;
    expect((await c.embeddings.status()).busy).toBeNull();
    const seen = new Map<string, Promise<unknown>>();
    const text = papers(40)
      .map((p) => JSON.stringify(p))
      .join('\n');
    // The real import handler: it writes under the library's write lock, then embeds.
    const result = await importExportHandlers(c)['import:run'](
      { source: { kind: 'text', name: 'p.jsonl', text } },
      {
        ...quietCtx(),
        onProgress: (p) => {
          if (!seen.has(p.phase)) seen.set(p.phase, c.embeddings.status());
        },
      },
    );
    expect(result.imported).toBe(40);
    expect(await seen.get('write')).toMatchObject({
      busy: 'importing',
      missing: expect.any(Number),
    });
    expect(await seen.get('embed')).toMatchObject({ busy: 'importing' });
    expect(await c.embeddings.status()).toMatchObject({ busy: null, missing: 0, embedded: 40 });
    // Papers written without an import's embedding (another process's, say): an update fills them.
    await c.ingest.run(
      { source: { kind: 'text', name: 'q.jsonl', text: text.replace(/Study/g, 'Essay') } },
      quietCtx(),
    );
    const update = c.embeddings.update(quietCtx());
    expect(await c.embeddings.status()).toMatchObject({ busy: 'embedding' });
    await update;
    expect(await c.embeddings.status()).toMatchObject({ busy: null, missing: 0, embedded: 80 });
  });

  it('refuses a model that is not installed and keeps searching with the active one', async () => {
    core = await openTestCore(papers(3));
    const err = await core.embeddings.use('quire-test/not-installed', quietCtx()).catch((e) => e);
    expect(err).toBeInstanceOf(QuireError);
    expect(core.embeddings.activeModel).toBe(DEFAULT_MODEL);
    expect((await core.embeddings.status()).searchModel).toBe(DEFAULT_MODEL);
  });
});
