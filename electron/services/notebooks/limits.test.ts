// Cell runs within limits, through the real notebooks service: fits from cells run in the compute
// worker and are stopped with the cell; a run's outputs are saved within the format's limits; a
// file saved over the limits by an older version still lists and opens, repaired with a note.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CallContext } from '@shared/api/contract';
import { encodeNotebook, NOTEBOOK_EXTENSION } from '@shared/notebook/file-format';
import { NOTEBOOK_LIMITS, type Cell, type CellOutput } from '@shared/notebook/model';
import { createNotebookHandlers } from './index';
import { MemoryPapers } from '../../../tests/support/memory-papers';

const dir = mkdtempSync(join(tmpdir(), 'quire-nb-limits-'));
const h = createNotebookHandlers({
  dir,
  library: new MemoryPapers(),
  sandbox: { timeoutMs: 2_000 },
});
// The default 5 s limit: the fit worker's start-up (seconds under tsx on a busy machine) is
// awaited before the cell's clock starts, so it does not count against the cell.
const roomy = createNotebookHandlers({
  dir,
  library: new MemoryPapers(),
});
afterAll(async () => {
  await h.close();
  await roomy.close();
  rmSync(dir, { recursive: true, force: true });
});
const ctx = (): CallContext => ({ signal: new AbortController().signal, onProgress: () => {} });
const js = (id: string, source: string): Cell => ({
  id,
  type: 'javascript',
  source,
  outputs: [],
  inputsHash: null,
  ranAt: null,
});

describe('notebook cell limits', () => {
  it('a heavy fit() from a cell is stopped with the cell at its time limit', async () => {
    // 20k points × 10,000 bootstrap refits: ~150 s of work, which ran on the host thread before.
    const source = `
      const x = [], y = [];
      for (let i = 1; i <= 20000; i++) { x.push(i / 100); y.push(2 * Math.pow(i / 100, -0.5) + ((i * 7919) % 13) / 1e3); }
      const r = await fit('power-law', { x, y }, { bootstrap: { samples: 10000, seed: 1 } });
      return r.status`;
    const { notebook } = await h['notebooks:create'](
      { title: 'Heavy fit', cells: [js('f', source)] },
      ctx(),
    );
    const r = await h['notebooks:runCell']({ id: notebook.id, cellId: 'f' }, ctx());
    const out = r.notebook.cells[0]!.outputs;
    expect(out).toEqual([
      {
        kind: 'error',
        name: 'Timeout',
        message: 'Stopped after 2 s: the cell did not finish (infinite loop?)',
      },
    ]);
  }, 60_000);

  it('fit() from a cell and a fit cell compute in the worker, start-up not charged to the cell', async () => {
    const { notebook } = await roomy['notebooks:create'](
      {
        title: 'Small fits',
        cells: [
          js('t', 'return [1,2,3,4,5].map((x) => ({ x, y: 3 * x + 1 }))'),
          js('j', "const r = await fit('linear', { x: [1,2,3], y: [2,4,6] }); return r.status"),
          {
            id: 'c',
            type: 'fit',
            data: { source: 't', x: 'x', y: 'y', model: 'linear' },
            outputs: [],
            inputsHash: null,
            ranAt: null,
          },
        ],
      },
      ctx(),
    );
    const r = await roomy['notebooks:runAll']({ id: notebook.id, onlyStale: false }, ctx());
    const [, j, c] = r.notebook.cells;
    expect(j!.outputs).toEqual([{ kind: 'text', text: 'converged' }]);
    expect(c!.outputs[0]).toMatchObject({
      kind: 'table',
      columns: ['parameter', 'value', 'stdError', 'ciLower', 'ciUpper'],
    });
  }, 120_000);

  it('a cell logging 1,500 lines saves at most 1,000 outputs, with a note; the notebook stays listed', async () => {
    const { notebook } = await h['notebooks:create'](
      {
        title: 'Chatty',
        cells: [js('log', "for (let i = 0; i < 1500; i++) console.log(i); return 'done'")],
      },
      ctx(),
    );
    const r = await h['notebooks:runCell']({ id: notebook.id, cellId: 'log' }, ctx());
    const out = r.notebook.cells[0]!.outputs;
    expect(out.length).toBeLessThanOrEqual(NOTEBOOK_LIMITS.outputsPerCell);
    expect(out.at(-2)).toEqual({
      kind: 'console',
      level: 'warn',
      text: '… 503 more console lines not kept',
    });
    expect(out.at(-1)).toEqual({ kind: 'text', text: 'done' });
    const list = await h['notebooks:list']({}, ctx());
    expect(list.map((n) => n.id)).toContain(notebook.id);
    expect(
      (await h['notebooks:get']({ id: notebook.id }, ctx())).notebook.cells[0]!.outputs,
    ).toEqual(out);
  }, 60_000);

  it('a file saved over the output limit by an older version lists and opens, repaired', async () => {
    const outputs: CellOutput[] = Array.from({ length: 1_001 }, (_, i) => ({
      kind: 'console',
      level: 'log',
      text: String(i),
    }));
    const now = new Date().toISOString();
    const id = 'older-version';
    writeFileSync(
      join(dir, `${id}${NOTEBOOK_EXTENSION}`),
      encodeNotebook({
        id,
        title: 'Written by 0.0.9',
        createdAt: now,
        updatedAt: now,
        revision: 3,
        cells: [{ ...js('log', 'console.log(1)'), outputs }],
      }),
    );
    const list = await h['notebooks:list']({}, ctx());
    expect(list.map((n) => n.id)).toContain(id);
    const { notebook } = await h['notebooks:get']({ id }, ctx());
    const kept = notebook.cells[0]!.outputs;
    expect(kept).toHaveLength(NOTEBOOK_LIMITS.outputsPerCell);
    expect(kept.at(-1)).toEqual({
      kind: 'console',
      level: 'warn',
      text: "… 2 more console lines not kept (the file held more than the format's 1,000 outputs per cell; repaired on opening)",
    });
  });
});
