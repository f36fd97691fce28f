// Highlights on disk: another process writing them, an unreadable file, and re-anchoring after
// the paper's text changed (real LanceDB and annotations.json in temp folders).
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '@shared/api/client';
import { inProcessTransport } from '@shared/api/in-process';
import { openLibrary, paperByTitle, paperRecord } from '../../../tests/support/library-fixtures';
import { createServices } from '..';
import { PaperStore } from '../library/store';
import { AnnotationService } from './annotation-service';
import { ANNOTATIONS_FILE, AnnotationStore } from './annotation-store';
import { PAPERS } from './annotations.fixtures';

describe('highlights written by another process', () => {
  it('move library:revision, so an open app re-reads them (the paper pane refreshes)', async () => {
    const lib = await openLibrary([PAPERS[1]!]);
    // A second service on the same folder stands for `quire annotations add` in a terminal.
    const other = await createServices({ libraryDir: lib.dir, mode: 'cli' });
    try {
      const otherApi = createClient(inProcessTransport(other.dispatch));
      const paper = await paperByTitle(lib.api, 'Scaling');
      const r0 = (await lib.api.call('library:revision', {})).revision;
      expect((await lib.api.call('library:revision', {})).revision).toBe(r0);

      await otherApi.call('annotations:add', {
        paperId: paper.id,
        quote: 'Larger experts help little.',
        kind: 'result',
      });
      const r1 = (await lib.api.call('library:revision', {})).revision;
      expect(r1).not.toBe(r0);
      expect((await lib.api.call('library:revision', {})).revision).toBe(r1);
      const seen = await lib.api.call('annotations:list', { paperId: paper.id });
      expect(seen.items.map((a) => a.selectors.quote.exact)).toEqual([
        'Larger experts help little.',
      ]);

      // A comment edited there moves it again; so does one made here.
      await otherApi.call('annotations:update', { id: seen.items[0]!.id, comment: 'sparse' });
      const r2 = (await lib.api.call('library:revision', {})).revision;
      expect(r2).not.toBe(r1);
      await lib.api.call('annotations:update', { id: seen.items[0]!.id, comment: 'dense' });
      expect((await lib.api.call('library:revision', {})).revision).not.toBe(r2);
    } finally {
      await other.close();
      await lib.close();
    }
  }, 120_000);
});

describe('an unreadable highlights file', () => {
  it('is moved aside, not overwritten, and search still answers with a notice', async () => {
    const lib = await openLibrary([PAPERS[1]!]);
    try {
      await writeFile(join(lib.dir, ANNOTATIONS_FILE), '{"format": "quire-annotations", "vers');
      const found = await lib.api.call('search:query', { query: 'experts', mode: 'fts' });
      expect(found.hits).toHaveLength(1);
      expect(found.notice).toMatch(
        /highlights file could not be read; it was moved to .*unreadable/,
      );
      const aside = (await readdir(lib.dir)).filter((f) =>
        f.startsWith(`${ANNOTATIONS_FILE}.unreadable-`),
      );
      expect(aside).toHaveLength(1);
      expect(await readFile(join(lib.dir, aside[0]!), 'utf8')).toBe(
        '{"format": "quire-annotations", "vers',
      );
      expect((await lib.api.call('annotations:list', {})).total).toBe(0);
    } finally {
      await lib.close();
    }
  }, 120_000);
});

describe('re-anchoring after the paper text changed', () => {
  let dir: string;
  let store: PaperStore;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'quire-reanchor-'));
    store = await PaperStore.open(dir);
  });
  afterAll(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('keeps a moved sentence highlighted and flags a removed one as orphaned (never dropped)', async () => {
    const paper = paperRecord('p1', {
      title: 'T',
      sourceFile: '',
      abstract: 'First we define the model. Then we prove the bound is tight. Finally we test it.',
    });
    await store.add([paper]);
    const service = new AnnotationService(new AnnotationStore(dir), store);
    const moved = await service.add({
      paperId: 'p1',
      quote: 'Finally we test it.',
      kind: 'method',
      comment: '',
    });
    const removed = await service.add({
      paperId: 'p1',
      quote: 'Then we prove the bound is tight.',
      kind: 'claim',
      comment: 'Check!',
    });

    const edited = 'Finally we test it. First we define the model carefully.';
    await store.update([{ ...paper, abstract: edited }]);
    const items = (await service.list({ offset: 0, limit: 100 })).items;
    const m = items.find((a) => a.id === moved.id)!;
    expect(m.orphaned).toBe(false);
    expect(edited.slice(m.anchor!.start, m.anchor!.end)).toBe('Finally we test it.');
    const r = items.find((a) => a.id === removed.id)!;
    expect(r).toMatchObject({ orphaned: true, anchor: null, comment: 'Check!' });
    expect(
      (await service.list({ orphaned: true, offset: 0, limit: 100 })).items.map((a) => a.id),
    ).toEqual([removed.id]);
    // Another process (a second store on the same folder) sees the highlights; an unreadable
    // file is moved aside, not overwritten.
    const other = new AnnotationService(new AnnotationStore(dir), store);
    expect((await other.list({ offset: 0, limit: 100 })).total).toBe(2);
    await writeFile(join(dir, ANNOTATIONS_FILE), '{ broken');
    await expect(other.list({ offset: 0, limit: 100 })).rejects.toThrow(/moved to .*unreadable/);
  });
});
