// Contract cases of notebooks: create, save, run, export, rename, duplicate, delete with undo, search.
import { describe, expect, it } from 'vitest';
import type { Api } from '@shared/api/client';
import type { Progress } from '@shared/api/contract';
import { rejection } from './suite-support';

/** A cell as the editor sends it: no outputs yet. */
const cellOf = (id: string, type: string, source: string) => ({
  id,
  type,
  source,
  outputs: [],
  inputsHash: null,
  ranAt: null,
});

export function notebookCases(api: Api): void {
  describe('notebooks', () => {
    it('notebooks:export is a job: progress in cells exported, up to every cell', async () => {
      const cell = (i: number) => ({
        id: `md${i}`,
        type: 'markdown',
        source: `## Part ${i}\n\nSome $x^${i}$ maths.`,
        outputs: [],
        inputsHash: null,
        ranAt: null,
      });
      const { notebook } = await api.call('notebooks:create', {
        title: 'Exported',
        cells: [cell(1), cell(2), cell(3)],
      });
      for (const format of ['md', 'html', 'ipynb'] as const) {
        const events: Progress[] = [];
        const out = await api.call(
          'notebooks:export',
          { id: notebook.id, format },
          { onProgress: (p) => events.push(p) },
        );
        expect(out.content).toContain('Part 3');
        expect(events[0]).toEqual({ phase: 'cells', done: 0, total: 3 });
        expect(events.at(-1)).toEqual({ phase: 'cells', done: 3, total: 3 });
        expect(events.map((p) => p.done)).toEqual([0, 1, 2, 3, 3]);
      }
    });
  });
}

export function notebookDocumentCases(api: Api): void {
  describe('notebook documents', () => {
    it('notebooks:cellTypes lists the cell types with their defaults', async () => {
      const types = await api.call('notebooks:cellTypes', {});
      expect(types.find((t) => t.type === 'markdown')).toMatchObject({ computable: false });
      expect(types.find((t) => t.type === 'javascript')).toMatchObject({
        content: 'source',
        computable: true,
      });
      expect(types.map((t) => t.type)).toEqual(expect.arrayContaining(['table', 'fit', 'graph']));
    });

    it('notebooks:* save with revisions, rename, duplicate, list, search, delete and undo', async () => {
      const { notebook } = await api.call('notebooks:create', {
        title: 'Draft',
        cells: [cellOf('intro', 'markdown', 'Loss vs compute, **log** scale.')],
      });
      const got = await api.call('notebooks:get', { id: notebook.id });
      expect(got).toEqual({ notebook, status: { intro: 'not-computable' } });
      const edited = { ...notebook, cells: [...notebook.cells, cellOf('more', 'markdown', 'x')] };
      const saved = await api.call('notebooks:save', { notebook: edited, baseRevision: 0 });
      expect(saved.notebook).toMatchObject({ revision: 1, cells: edited.cells });
      // A second window still at revision 0 must not overwrite; the error says why, on every transport.
      const conflict = await rejection(api.call('notebooks:save', { notebook, baseRevision: 0 }));
      expect(conflict).toMatchObject({
        code: 'invalid_input',
        details: { reason: 'conflict', revision: 1 },
      });
      expect((await api.call('notebooks:get', { id: notebook.id })).notebook.cells).toHaveLength(2);

      const renamed = await api.call('notebooks:rename', { id: notebook.id, title: 'Final' });
      expect(renamed).toMatchObject({ id: notebook.id, title: 'Final', revision: 2, cellCount: 2 });
      const copy = await api.call('notebooks:duplicate', { id: notebook.id });
      expect(copy).toMatchObject({ title: 'Final (copy)', cellCount: 2 });
      const titles = (await api.call('notebooks:list', {})).map((n) => n.title);
      expect(titles).toEqual(expect.arrayContaining(['Exported', 'Final', 'Final (copy)']));
      const hits = await api.call('notebooks:search', { query: 'LOSS VS' });
      expect(hits.map((h) => h.title).sort()).toEqual(['Final', 'Final (copy)']);
      expect(hits[0]!.matches[0]).toMatchObject({ cellId: 'intro' });

      const del = await api.call('notebooks:delete', { id: copy.id });
      expect(del.deleted).toBe(1);
      expect((await rejection(api.call('notebooks:get', { id: copy.id }))).code).toBe('not_found');
      const undone = await api.call('notebooks:undoDelete', { undoToken: del.undoToken });
      expect(undone.restored).toMatchObject({ id: copy.id, title: 'Final (copy)' });
      const again = await rejection(api.call('notebooks:undoDelete', { undoToken: del.undoToken }));
      expect(again.code).toBe('not_found');
      expect(
        (await rejection(api.call('notebooks:rename', { id: notebook.id, title: ' ' }))).code,
      ).toBe('invalid_input');
    });

    it('notebooks:runAll and runCell run cells off-thread with progress; cancel stops the run', async () => {
      const { notebook } = await api.call('notebooks:create', {
        title: 'Runs',
        cells: [
          cellOf('note', 'markdown', 'Not computable.'),
          cellOf('js1', 'javascript', "console.log('sum', 1 + 2);"),
          cellOf('js2', 'javascript', "console.log('product', 2 * 3);"),
        ],
      });
      const events: Progress[] = [];
      const all = await api.call(
        'notebooks:runAll',
        { id: notebook.id },
        { onProgress: (p) => events.push(p) },
      );
      expect(all).toMatchObject({ ran: ['js1', 'js2'], stopped: false });
      expect(all.status).toMatchObject({ note: 'not-computable', js1: 'fresh', js2: 'fresh' });
      expect(all.notebook.cells[1]!.outputs).toEqual([
        { kind: 'console', level: 'log', text: 'sum 3' },
      ]);
      expect(events.map((p) => p.message).filter((m) => m === 'js1' || m === 'js2')).toEqual(
        expect.arrayContaining(['js1', 'js2']),
      );
      const one = await api.call('notebooks:runCell', { id: notebook.id, cellId: 'js2' });
      expect(one.ran).toEqual(['js2']);
      expect(one.notebook.cells[2]!.outputs).toEqual([
        { kind: 'console', level: 'log', text: 'product 6' },
      ]);
      const notComputable = await rejection(
        api.call('notebooks:runCell', { id: notebook.id, cellId: 'note' }),
      );
      expect(notComputable.message).toMatch(/not computable/);

      // A cell that never ends: cancelled once it starts, the run stops and keeps the finished cell.
      const { notebook: loop } = await api.call('notebooks:create', {
        title: 'Stop me',
        cells: [
          cellOf('a', 'javascript', 'return 1'),
          cellOf('b', 'javascript', 'while (true) {}'),
        ],
      });
      const abort = new AbortController();
      const stopped = await api
        .call(
          'notebooks:runAll',
          { id: loop.id },
          { signal: abort.signal, onProgress: (p) => p.message === 'b' && abort.abort() },
        )
        .then(
          (r) => ({ ran: r.ran, stopped: r.stopped }),
          (e: { code?: string }) => ({ ran: null, stopped: e.code === 'cancelled' }),
        );
      expect(stopped.stopped).toBe(true);
      if (stopped.ran) expect(stopped.ran).toEqual(['a']);
      const after = await api.call('notebooks:get', { id: loop.id });
      expect(after.status).toMatchObject({ a: 'fresh', b: 'never-run' });
    });
  });
}
