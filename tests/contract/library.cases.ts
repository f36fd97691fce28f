// Contract cases of the library, import and export basics: an empty library, an import of five papers
// (the papers the later cases build on), listing, editing, deleting with undo, a round-trip export.
import { describe, expect, it } from 'vitest';
import type { Api } from '@shared/api/client';
import type { Progress } from '@shared/api/contract';
import { SCHEMA_VERSION } from '../../electron/services/library/schema';
import { jsonl, rejection } from './suite-support';

export function libraryCases(api: Api): void {
  describe('library, import and export', () => {
    it('app:info describes an empty library', async () => {
      const info = await api.call('app:info', {});
      expect(info.paperCount).toBe(0);
      expect(info.schemaVersion).toBe(SCHEMA_VERSION);
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

    it('library:revision moves when the library changes', async () => {
      const before = (await api.call('library:revision', {})).revision;
      expect(typeof before).toBe('number');
      expect((await api.call('library:revision', {})).revision).toBe(before);
      const [first] = (await api.call('library:list', { limit: 1 })).items;
      await api.call('library:update', { id: first!.id, notes: 'revision check' });
      expect((await api.call('library:revision', {})).revision).toBeGreaterThan(before);
      await api.call('library:update', { id: first!.id, notes: '' });
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

    it('library:tagPapers tags many papers in one write, as typed tags, and takes the tag off again', async () => {
      const { items } = await api.call('library:list', { sort: 'title', limit: 5 });
      const ids = items.map((p) => p.id);
      const before = (await api.call('library:revision', {})).revision;
      await api.call('library:update', { id: ids[0]!, notes: 'one write' });
      const oneWrite = (await api.call('library:revision', {})).revision - before;

      const tagged = await api.call('library:tagPapers', { ids: [...ids, 'gone'], add: 'lasso' });
      expect(tagged).toEqual({ changed: ids, missing: 1 });
      expect((await api.call('library:revision', {})).revision - before).toBe(2 * oneWrite);
      expect((await api.call('library:list', { tag: 'lasso' })).total).toBe(5);
      const info = (await api.call('tags:list', {})).find((t) => t.name === 'lasso');
      expect(info).toMatchObject({ paperCount: 5, origins: { typed: 5 } });

      const undone = await api.call('library:tagPapers', { ids: tagged.changed, remove: 'lasso' });
      expect(undone.changed).toHaveLength(5);
      expect((await api.call('library:list', { tag: 'lasso' })).total).toBe(0);
      await api.call('library:update', { id: ids[0]!, notes: '' });
      const both = await rejection(api.call('library:tagPapers', { ids, add: 'a', remove: 'b' }));
      expect(both).toMatchObject({ code: 'invalid_input' });
      expect(both.message).toContain('one tag to add or one to remove');
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
  });
}
