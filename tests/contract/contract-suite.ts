// The contract tests: the same behaviour asserted through every transport (in-process, HTTP + SSE,
// Electron IPC), each over real services on a real LanceDB library in a temp folder.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Api } from '../../shared/api/client';
import type { Progress } from '../../shared/api/contract';
import { QuireError } from '../../shared/api/errors';

export type ContractSetup = () => Promise<{ api: Api; close(): Promise<void> }>;

const jsonl = (n: number, prefix = 'Paper') =>
  Array.from({ length: n }, (_, i) =>
    JSON.stringify({
      title: `${prefix} ${i}: on the scaling of ${['graphs', 'experts', 'laws'][i % 3]}`,
      abstract: `Abstract ${i}. We study things at scale ${i}.`,
      authors: [`Ada Lovelace ${i % 7}`],
      year: 2000 + (i % 25),
    }),
  ).join('\n');

async function rejection(p: Promise<unknown>): Promise<QuireError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(QuireError);
    return err as QuireError;
  }
  throw new Error('expected the call to fail');
}

export function describeContract(name: string, setup: ContractSetup): void {
  describe(`contract over ${name}`, () => {
    let api: Api;
    let close: () => Promise<void>;

    beforeAll(async () => {
      ({ api, close } = await setup());
    });
    afterAll(async () => {
      await close();
    });

    it('app:info describes an empty library', async () => {
      const info = await api.call('app:info', {});
      expect(info.paperCount).toBe(0);
      expect(info.schemaVersion).toBe(1);
      expect(info.location).toMatch(/./);
    });

    it('import:preview writes nothing; import:run imports with progress', async () => {
      const source = { kind: 'text' as const, name: 'five.jsonl', text: jsonl(5) };
      const preview = await api.call('import:preview', { source });
      expect(preview).toMatchObject({ format: 'jsonl', newCount: 5, duplicateCount: 0 });
      expect((await api.call('app:info', {})).paperCount).toBe(0);

      const events: Progress[] = [];
      const result = await api.call(
        'import:run',
        { source },
        { onProgress: (p) => events.push(p) },
      );
      expect(result).toMatchObject({ imported: 5, duplicateCount: 0, cancelled: false });
      expect(events.some((e) => e.phase === 'write' && e.done === 5 && e.total === 5)).toBe(true);

      const again = await api.call('import:run', { source });
      expect(again).toMatchObject({ imported: 0, duplicateCount: 5 });
    });

    it('library:list filters, sorts and pages', async () => {
      const all = await api.call('library:list', { sort: 'year', dir: 'desc' });
      expect(all.total).toBe(5);
      expect(all.items.map((p) => p.year)).toEqual([2004, 2003, 2002, 2001, 2000]);
      const filtered = await api.call('library:list', { text: 'EXPERTS scale' });
      expect(filtered.items.map((p) => p.title)).toEqual([
        'Paper 1: on the scaling of experts',
        'Paper 4: on the scaling of experts',
      ]);
      const page = await api.call('library:list', { sort: 'title', offset: 1, limit: 2 });
      expect(page).toMatchObject({ total: 5, offset: 1 });
      expect(page.items.map((p) => p.title.slice(0, 7))).toEqual(['Paper 1', 'Paper 2']);
    });

    it('library:update edits notes and tags; library:tags counts them', async () => {
      const [first] = (await api.call('library:list', { sort: 'title', limit: 1 })).items;
      const updated = await api.call('library:update', {
        id: first!.id,
        notes: 'Read twice. ∑ α → ∞ 🚀',
        tags: ['scaling', 'to-read'],
      });
      expect(updated.notes).toBe('Read twice. ∑ α → ∞ 🚀');
      expect((await api.call('library:get', { id: first!.id })).tags).toEqual([
        'scaling',
        'to-read',
      ]);
      expect(await api.call('library:tags', {})).toEqual([
        { tag: 'scaling', count: 1 },
        { tag: 'to-read', count: 1 },
      ]);
      expect((await api.call('library:list', { tag: 'to-read' })).total).toBe(1);
    });

    it('rejects input of the wrong type with invalid_input naming the field', async () => {
      const err = await rejection(api.call('library:list', { limit: 'ten' } as never));
      expect(err.code).toBe('invalid_input');
      expect(err.message).toContain('limit');
      const tagErr = await rejection(api.call('library:update', { id: 'x', tags: ['a,b'] }));
      expect(tagErr.code).toBe('invalid_input');
    });

    it('answers not_found for an unknown paper', async () => {
      const err = await rejection(api.call('library:get', { id: 'no-such-paper' }));
      expect(err.code).toBe('not_found');
    });

    it('library:delete can be undone', async () => {
      const { items } = await api.call('library:list', { limit: 2 });
      const ids = items.map((p) => p.id);
      const del = await api.call('library:delete', { ids });
      expect(del.deleted).toBe(2);
      expect((await api.call('app:info', {})).paperCount).toBe(3);
      expect(await api.call('library:undoDelete', { undoToken: del.undoToken })).toEqual({
        restored: 2,
      });
      expect((await api.call('app:info', {})).paperCount).toBe(5);
      const again = await rejection(api.call('library:undoDelete', { undoToken: del.undoToken }));
      expect(again.code).toBe('not_found');
    });

    it('export:library round-trips through import', async () => {
      const out = await api.call('export:library', { format: 'jsonl' });
      expect(out).toMatchObject({ format: 'jsonl', count: 5 });
      const preview = await api.call('import:preview', {
        source: { kind: 'text', name: out.filename, text: out.content },
      });
      expect(preview).toMatchObject({ newCount: 0, duplicateCount: 5 });
    });

    it('an unreadable file is a clear invalid_file error and changes nothing', async () => {
      const garbage = Buffer.from([0, 159, 146, 150, 0, 255, 1, 2, 3, 0]).toString('base64');
      const err = await rejection(
        api.call('import:run', { source: { kind: 'bytes', name: 'junk.bib', base64: garbage } }),
      );
      expect(err.code).toBe('invalid_file');
      expect(err.message).toContain('junk.bib');
      expect((await api.call('app:info', {})).paperCount).toBe(5);
    });

    it(
      'map:compute streams progress and map:get returns the saved map',
      { timeout: 120_000 },
      async () => {
        expect((await api.call('map:get', {})).state).toBe('none');
        const phases: string[] = [];
        const st = await api.call(
          'map:compute',
          { seed: 3 },
          { onProgress: (p) => phases.push(p.phase) },
        );
        expect(phases).toContain('project');
        expect(st.state).toBe('current');
        expect(st.map!.points.ids).toHaveLength(5);
        expect(await api.call('map:get', {})).toEqual(st);
        const bad = await rejection(api.call('map:compute', { method: 'density', k: 3 }));
        expect(bad.code).toBe('invalid_input');
        const none = await rejection(
          api.call('map:renameCluster', { clusterId: 'c999', label: 'x' }),
        );
        expect(none.code).toBe('not_found');
      },
    );

    it('cancelling a long import keeps whole papers only', async () => {
      const abort = new AbortController();
      const source = { kind: 'text' as const, name: 'big.jsonl', text: jsonl(3000, 'Bulk') };
      const call = api.call(
        'import:run',
        { source },
        {
          signal: abort.signal,
          onProgress: (p) => {
            if (p.phase === 'write' && p.done > 0) abort.abort();
          },
        },
      );
      const outcome = await call.then(
        (r) => ({ kept: r.imported, cancelled: r.cancelled }),
        (e: QuireError) => ({ kept: -1, cancelled: e.code === 'cancelled' }),
      );
      expect(outcome.cancelled).toBe(true);
      const { total, items } = await api.call('library:list', { text: 'bulk', limit: 1000 });
      // Batches are all-or-nothing: whatever was kept is a multiple of the batch size, each row whole.
      expect(total % 500).toBe(0);
      expect(total).toBeLessThan(3000);
      for (const p of items) expect(p.abstract).toMatch(/^Abstract \d+\./);
    });
  });
}
