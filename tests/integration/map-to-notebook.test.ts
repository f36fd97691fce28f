// The map's "add the selection to a notebook" (renderer/src/features/map/addToNotebook.ts) against
// the real notebook service: paper cards appended without duplicates, existing cells kept, a save
// that races another window's save retried on the fresh copy (that window's edit kept), and a
// selection too large for a notebook refused with the limit named.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type Api } from '@shared/api/client';
import { inProcessTransport } from '@shared/api/in-process';
import { NOTEBOOK_LIMITS } from '@shared/notebook/model';
import { createServices, type Services } from '../../electron/services';
import { addToNewNotebook, addToNotebook } from '../../renderer/src/features/map/addToNotebook';

let tmp: string;
let services: Services;
let api: Api;

const paperIds = (cells: { type: string; data?: unknown }[]) =>
  cells.filter((c) => c.type === 'paper').map((c) => (c.data as { paperId: string }).paperId);

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'quire-map-nb-'));
  services = await createServices({ libraryDir: join(tmp, 'lib'), mode: 'cli' });
  api = createClient(inProcessTransport(services.dispatch));
}, 120_000);
afterAll(async () => {
  await services?.close();
  await rm(tmp, { recursive: true, force: true });
});

describe('add a map selection to a notebook', () => {
  it('makes a new notebook of paper cards, once per paper', async () => {
    const r = await addToNewNotebook(api, ['p1', 'p2', 'p1', 'p3'], 'Map selection');
    expect(r).toMatchObject({ title: 'Map selection', added: 3, present: 0 });
    const { notebook } = await api.call('notebooks:get', { id: r.notebookId });
    expect(paperIds(notebook.cells)).toEqual(['p1', 'p2', 'p3']);
    expect(notebook.cells[0]).toMatchObject({ type: 'paper', data: { annotation: '' } });
  });

  it('appends only the papers not already there, keeping the other cells', async () => {
    const { notebook } = await api.call('notebooks:create', {
      title: 'Reading',
      cells: [
        {
          id: 'md1',
          type: 'markdown',
          source: '# Notes',
          outputs: [],
          inputsHash: null,
          ranAt: null,
        },
        {
          id: 'pc1',
          type: 'paper',
          data: { paperId: 'p2', annotation: 'keep this' },
          outputs: [],
          inputsHash: null,
          ranAt: null,
        },
      ],
    });
    const r = await addToNotebook(api, notebook.id, ['p1', 'p2', 'p3']);
    expect(r).toMatchObject({ added: 2, present: 1, title: 'Reading' });
    const after = (await api.call('notebooks:get', { id: notebook.id })).notebook;
    expect(after.cells.map((c) => c.id).slice(0, 2)).toEqual(['md1', 'pc1']);
    expect(after.cells[1]!.data).toEqual({ paperId: 'p2', annotation: 'keep this' });
    expect(paperIds(after.cells)).toEqual(['p2', 'p1', 'p3']);
    // Again: nothing to add, nothing written.
    const again = await addToNotebook(api, notebook.id, ['p1', 'p3']);
    expect(again).toMatchObject({ added: 0, present: 2 });
    expect((await api.call('notebooks:get', { id: notebook.id })).notebook.revision).toBe(
      after.revision,
    );
  });

  it("retries once when another window saved first, keeping that window's edit", async () => {
    const { notebook } = await api.call('notebooks:create', { title: 'Shared' });
    let raced = false;
    // Another window saves the notebook between our read and our save.
    const racing: Api = {
      ...api,
      call: (async (method: string, input: unknown, opts?: unknown) => {
        if (method === 'notebooks:save' && !raced) {
          raced = true;
          const cur = (await api.call('notebooks:get', { id: notebook.id })).notebook;
          await api.call('notebooks:save', {
            notebook: { ...cur, title: 'Shared (edited elsewhere)' },
            baseRevision: cur.revision,
          });
        }
        return (api.call as (m: string, i: unknown, o?: unknown) => Promise<unknown>)(
          method,
          input,
          opts,
        );
      }) as Api['call'],
    };
    const r = await addToNotebook(racing, notebook.id, ['p9']);
    expect(raced).toBe(true);
    expect(r).toMatchObject({ added: 1, title: 'Shared (edited elsewhere)' });
    const after = (await api.call('notebooks:get', { id: notebook.id })).notebook;
    expect(after.title).toBe('Shared (edited elsewhere)');
    expect(paperIds(after.cells)).toEqual(['p9']);
  });

  it('refuses a selection larger than a notebook holds, naming the limit', async () => {
    const ids = Array.from({ length: NOTEBOOK_LIMITS.cells + 1 }, (_, i) => `p${i}`);
    await expect(addToNewNotebook(api, ids, 'Too big')).rejects.toThrow(
      `at most ${NOTEBOOK_LIMITS.cells} cells`,
    );
    expect((await api.call('notebooks:list', {})).some((n) => n.title === 'Too big')).toBe(false);
  });
});
