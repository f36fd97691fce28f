// Lone UTF-16 surrogates (legal in JSON and IPC, not in UTF-8) must not make saved data change on
// reload: LanceDB stores them as U+FFFD, so before this the in-memory copy and the disk disagreed.
// User edits with one are refused; imported text has them replaced when it is cleaned.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices } from '../../electron/services';
import { createClient, type Api } from '@shared/api/client';
import { inProcessTransport } from '@shared/api/in-process';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'quire-surrogates-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function withLibrary<T>(fn: (api: Api) => Promise<T>): Promise<T> {
  const services = await createServices({ libraryDir: dir, mode: 'cli' });
  try {
    return await fn(createClient(inProcessTransport(services.dispatch)));
  } finally {
    await services.close();
  }
}

describe('lone surrogates', () => {
  it('an imported title, author and DOI with lone surrogates read back the same after a reload', async () => {
    const jsonl = `{"title":"Spin \\ud800 chains","authors":["Ann \\udc00 Bee"],"doi":"10.1234/x\\ud800y"}\n`;
    const before = await withLibrary(async (api) => {
      await api.call('import:run', { source: { kind: 'text', name: 'a.jsonl', text: jsonl } });
      return (await api.call('library:list', {})).items[0]!;
    });
    expect(before.title).toBe('Spin \ufffd chains');
    const after = await withLibrary((api) => api.call('library:get', { id: before.id }));
    expect(after).toEqual(before);
  });

  it('notes and tags with a lone surrogate are refused with a clear message', async () => {
    await withLibrary(async (api) => {
      const { id } = (await api.call('library:list', {})).items[0]!;
      await expect(api.call('library:update', { id, notes: 'a\ud800b' })).rejects.toMatchObject({
        code: 'invalid_input',
        message: expect.stringMatching(/notes are not valid Unicode/),
      });
      await expect(api.call('library:update', { id, tags: ['t\udc00'] })).rejects.toMatchObject({
        code: 'invalid_input',
        message: expect.stringMatching(/tag is not valid Unicode/),
      });
      // Well-formed astral characters (a surrogate pair) are fine.
      const ok = await api.call('library:update', { id, notes: 'ok 😀', tags: ['π-😀'] });
      expect(ok.notes).toBe('ok 😀');
    });
    const again = await withLibrary(async (api) => (await api.call('library:list', {})).items[0]!);
    expect(again.notes).toBe('ok 😀');
    expect(again.tags).toEqual(['π-😀']);
  });
});
