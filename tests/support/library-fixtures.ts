// Test factories for a library: a complete Paper record, a real library (all services on a temp
// folder, LanceDB on disk) seeded from JSONL, and the QuireError a failing call rejects with.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { createServices, type Services } from '../../electron/services';
import { createClient, type Api } from '@shared/api/client';
import { QuireError } from '@shared/api/errors';
import { inProcessTransport } from '@shared/api/in-process';
import type { Paper } from '@shared/api/schemas';
import { paperRecord } from './paper';

export { paperRecord };

/** A library opened through createServices, as the CLI opens it, with a client over it. */
export type TestLibrary = { dir: string; services: Services; api: Api; close(): Promise<void> };

/** Opens a fresh library in a temp folder and imports `papers` (objects written as JSONL). */
export async function openLibrary(papers: object[], prefix = 'quire-lib-'): Promise<TestLibrary> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  const services = await createServices({ libraryDir: dir, mode: 'cli' });
  const api = createClient(inProcessTransport(services.dispatch));
  if (papers.length > 0)
    await api.call('import:run', {
      source: {
        kind: 'text',
        name: 'p.jsonl',
        text: papers.map((p) => JSON.stringify(p)).join('\n'),
      },
    });
  return {
    dir,
    services,
    api,
    close: async () => {
      await services.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** The first paper in the library whose title starts with `start`; throws when there is none. */
export async function paperByTitle(api: Api, start: string): Promise<Paper> {
  const { items } = await api.call('library:list', { limit: 1000 });
  const p = items.find((x) => x.title.startsWith(start));
  if (!p) throw new Error(`no paper "${start}"`);
  return p;
}

/** Awaits a call that must fail and returns its QuireError (fails the test when it succeeds). */
export async function rejection(p: Promise<unknown>): Promise<QuireError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(QuireError);
    return err as QuireError;
  }
  throw new Error('expected the call to fail');
}
