// Notebooks service through the handlers: create/get/save with revision conflicts, rename,
// duplicate, delete + undo, search, run (outputs stored, staleness), export.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CallContext } from '@shared/api/contract';
import { QuireError } from '@shared/api/errors';
import type { Paper } from '@shared/api/schemas';
import { sampleNotebook } from '@shared/notebook/sample';
import { createNotebookHandlers } from './index';
import { MemoryPapers } from '../../../tests/support/memory-papers';

const dir = mkdtempSync(join(tmpdir(), 'quire-nb-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const paper: Paper = {
  id: 'p1',
  title: 'Training Compute-Optimal Large Language Models',
  abstract: 'Chinchilla scaling',
  authors: ['J. Hoffmann'],
  year: 2022,
  venue: 'NeurIPS',
  doi: '10.5555/chin',
  arxivId: '',
  url: '',
  sourceFile: '',
  addedAt: '',
  updatedAt: '',
  notes: '',
  tags: [],
  volume: '',
  issue: '',
  edition: '',
  pages: '',
};
const h = createNotebookHandlers({
  dir,
  library: new MemoryPapers([paper]),
});
const ctx = (): CallContext => ({ signal: new AbortController().signal, onProgress: () => {} });

describe('notebooks service', () => {
  it('creates, saves with optimistic concurrency, renames, duplicates, deletes and undoes', async () => {
    const { notebook } = await h['notebooks:create'](
      { title: 'Draft', cells: sampleNotebook().cells },
      ctx(),
    );
    expect(notebook.revision).toBe(0);
    const edited = { ...notebook, cells: notebook.cells.slice(0, 3) };
    const saved = await h['notebooks:save']({ notebook: edited, baseRevision: 0 }, ctx());
    expect(saved.notebook.revision).toBe(1);
    // A second window still at revision 0 must not overwrite.
    const conflict = await h['notebooks:save']({ notebook, baseRevision: 0 }, ctx()).catch(
      (e: unknown) => e,
    );
    expect(conflict).toBeInstanceOf(QuireError);
    expect((conflict as QuireError).details).toEqual({ reason: 'conflict', revision: 1 });
    expect((conflict as QuireError).message).toMatch(/changed elsewhere/);
    // Invalid cell data is refused with the field named.
    const bad = {
      ...saved.notebook,
      cells: [{ ...saved.notebook.cells[2]!, data: { columns: 'x' } }],
    };
    await expect(h['notebooks:save']({ notebook: bad, baseRevision: 1 }, ctx())).rejects.toThrow(
      /runs \(table\): columns/,
    );

    const renamed = await h['notebooks:rename']({ id: notebook.id, title: 'Final' }, ctx());
    expect(renamed).toMatchObject({ title: 'Final', revision: 2, cellCount: 3 });
    const copy = await h['notebooks:duplicate']({ id: notebook.id }, ctx());
    expect(copy.title).toBe('Final (copy)');
    expect((await h['notebooks:list']({}, ctx())).map((n) => n.title).sort()).toEqual([
      'Final',
      'Final (copy)',
    ]);

    const del = await h['notebooks:delete']({ id: copy.id }, ctx());
    expect((await h['notebooks:list']({}, ctx())).length).toBe(1);
    await expect(h['notebooks:get']({ id: copy.id }, ctx())).rejects.toThrow(/No notebook/);
    const undone = await h['notebooks:undoDelete']({ undoToken: del.undoToken }, ctx());
    expect(undone.restored.id).toBe(copy.id);
    await expect(h['notebooks:undoDelete']({ undoToken: del.undoToken }, ctx())).rejects.toThrow(
      /Unknown or expired/,
    );
    await h['notebooks:delete']({ id: copy.id }, ctx());
  });

  it('searches titles and cell contents with snippets', async () => {
    const hits = await h['notebooks:search']({ query: 'LOSS VS', limit: 10 }, ctx());
    expect(
      hits[0]?.matches.some((m) => m.cellId === 'intro' && /Loss vs compute/.test(m.snippet)),
    ).toBe(true);
    expect(await h['notebooks:search']({ query: 'no such words', limit: 10 }, ctx())).toEqual([]);
  });

  it('runs all cells off-thread, stores outputs, and marks them stale after an edit', async () => {
    const { notebook } = await h['notebooks:create'](
      { title: 'Runs', cells: sampleNotebook().cells },
      ctx(),
    );
    const progress: string[] = [];
    const r = await h['notebooks:runAll'](
      { id: notebook.id, onlyStale: false },
      {
        signal: new AbortController().signal,
        onProgress: (p) => progress.push(`${p.phase}:${p.message ?? ''}`),
      },
    );
    expect(r.ran).toEqual(['js1', 'fit1']);
    expect(progress).toContain('running:js1');
    expect(r.status).toMatchObject({ js1: 'fresh', fit1: 'fresh', intro: 'not-computable' });
    const js = r.notebook.cells.find((c) => c.id === 'js1')!;
    expect(js.outputs[0]).toEqual({ kind: 'console', level: 'log', text: 'rows 4' });
    expect(js.outputs[1]?.kind).toBe('table');
    const fitOut = r.notebook.cells.find((c) => c.id === 'fit1')!.outputs;
    expect(fitOut[0]).toMatchObject({
      kind: 'table',
      columns: ['parameter', 'value', 'stdError', 'ciLower', 'ciUpper'],
    });
    // Reopened, the outputs are still there.
    const reopened = await h['notebooks:get']({ id: notebook.id }, ctx());
    expect(reopened.notebook.cells.find((c) => c.id === 'js1')!.outputs).toEqual(js.outputs);
    // Edit the table both read: both outputs go stale; run only stale ones.
    const cells = reopened.notebook.cells.map((c) =>
      c.id === 'runs'
        ? {
            ...c,
            data: {
              ...(c.data as object),
              rows: [
                [1, 5, '2024-01-01', null],
                [10, 3, '2024-01-02', null],
                [100, 2.6, '2024-01-03', null],
                [1000, 2.4, '2024-01-04', null],
              ],
            },
          }
        : c,
    );
    const saved = await h['notebooks:save'](
      { notebook: { ...reopened.notebook, cells }, baseRevision: reopened.notebook.revision },
      ctx(),
    );
    expect(saved.status).toMatchObject({ js1: 'stale', fit1: 'stale' });
    const again = await h['notebooks:runAll']({ id: notebook.id, onlyStale: true }, ctx());
    expect(again.ran).toEqual(['js1', 'fit1']);
    const none = await h['notebooks:runAll']({ id: notebook.id, onlyStale: true }, ctx());
    expect(none.ran).toEqual([]);
    // A single cell; a non-computable one is refused.
    expect((await h['notebooks:runCell']({ id: notebook.id, cellId: 'js1' }, ctx())).ran).toEqual([
      'js1',
    ]);
    await expect(
      h['notebooks:runCell']({ id: notebook.id, cellId: 'intro' }, ctx()),
    ).rejects.toThrow(/not computable/);

    const html = await h['notebooks:export']({ id: notebook.id, format: 'html' }, ctx());
    expect(html.filename).toBe('Runs.html');
    expect(html.content).toContain('url(data:font/woff2;base64,');
    expect(html.content).not.toMatch(/url\(fonts\//);
    expect(html.content).toContain('Training Compute-Optimal Large Language Models');
    expect(html.content).toContain('https://doi.org/10.5555/chin');
    // The file on disk is the documented format.
    const file = JSON.parse(
      readFileSync(join(dir, `${notebook.id}.quire-notebook.json`), 'utf8'),
    ) as { format: string; version: number };
    expect(file).toMatchObject({ format: 'quire-notebook', version: 1 });
  });

  it('stops a run when cancelled, keeping finished cells', async () => {
    const cells = [
      {
        id: 'a',
        type: 'javascript',
        source: 'return 1',
        outputs: [],
        inputsHash: null,
        ranAt: null,
      },
      {
        id: 'b',
        type: 'javascript',
        source: 'while (true) {}',
        outputs: [],
        inputsHash: null,
        ranAt: null,
      },
    ];
    const { notebook } = await h['notebooks:create']({ title: 'Stop me', cells }, ctx());
    const abort = new AbortController();
    const r = await h['notebooks:runAll'](
      { id: notebook.id, onlyStale: false },
      {
        signal: abort.signal,
        onProgress: (p) => {
          if (p.message === 'b') setTimeout(() => abort.abort(), 300);
        },
      },
    );
    expect(r.stopped).toBe(true);
    expect(r.ran).toEqual(['a']);
    expect(r.status).toMatchObject({ a: 'fresh', b: 'never-run' });
  });

  it('lists the cell types for the UI', async () => {
    const types = await h['notebooks:cellTypes']({}, ctx());
    expect(types.map((t) => t.type)).toEqual([
      'markdown',
      'paper',
      'table',
      'plot',
      'javascript',
      'fit',
      'graph',
    ]);
    // Graph cells compute through their own Run button (graph:library), not through "run all".
    expect(types.filter((t) => t.computable).map((t) => t.type)).toEqual(['javascript', 'fit']);
  });
});
