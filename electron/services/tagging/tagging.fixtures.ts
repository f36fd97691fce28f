// Shared set-up of the tagging service tests: a temp library through the real services (LanceDB on
// disk, the bundled model), a vocabulary, and helpers to import papers and catch a failure.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect } from 'vitest';
import { createClient, type Api } from '@shared/api/client';
import { QuireError } from '@shared/api/errors';
import { inProcessTransport } from '@shared/api/in-process';
import { createServices, type Services } from '..';
import { toJsonl, type FixturePaper } from './fixtures';

export const TAGS = [
  {
    name: 'graphs',
    description: 'Graph neural networks: message passing between nodes along edges.',
  },
  {
    name: 'reinforcement-learning',
    description: 'An agent learns a policy from reward in an environment.',
  },
  { name: 'proteins', description: 'Protein structure, folding and binding of molecules.' },
];

export let dir: string;
export let services: Services;
export let api: Api;

export async function open(): Promise<void> {
  services = await createServices({ libraryDir: dir, mode: 'cli' });
  api = createClient(inProcessTransport(services.dispatch));
}

export async function library(
  papers: FixturePaper[],
  tags = TAGS,
): Promise<Map<string, FixturePaper>> {
  await api.call('import:run', {
    source: { kind: 'text', name: 'p.jsonl', text: toJsonl(papers) },
  });
  for (const t of tags) await api.call('tags:add', t);
  const byId = new Map<string, FixturePaper>();
  for (const p of (await api.call('library:list', { limit: 1000 })).items)
    byId.set(
      p.id,
      papers.find((f) => f.title === p.title)!,
    );
  return byId;
}

export async function failure(p: Promise<unknown>): Promise<QuireError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(QuireError);
    return err as QuireError;
  }
  throw new Error('expected the call to fail');
}

/** A fresh temp library before each test of the calling file, closed and removed after. */
export function useTempLibrary(): void {
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'quire-tagging-'));
    await open();
  });
  afterEach(async () => {
    await services.close();
    await rm(dir, { recursive: true, force: true });
  });
}

export const T = { timeout: 120_000 };
