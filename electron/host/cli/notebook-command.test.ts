// `quire notebook list|run|export` over the notebook handlers (in-process transport, temp folder).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createClient } from '@shared/api/client';
import type { Handlers } from '@shared/api/contract';
import { createDispatcher } from '@shared/api/dispatcher';
import { inProcessTransport } from '@shared/api/in-process';
import { sampleNotebook } from '@shared/notebook/sample';
import { createNotebookHandlers } from '../../services/notebooks/index';
import { notebookCommand, type OpenApi } from './notebook-command';
import { MemoryPapers } from '../../../tests/support/memory-papers';

const dir = mkdtempSync(join(tmpdir(), 'quire-nbcli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => {
  process.exitCode = undefined;
});

const handlers = createNotebookHandlers({ dir, library: new MemoryPapers() });
// Only the notebook methods exist here; the lead's composition root supplies the rest.
const api = createClient(inProcessTransport(createDispatcher(handlers as unknown as Handlers)));
const open: OpenApi = (cmd, fn) => fn(api, cmd.optsWithGlobals());

async function run(args: string[]): Promise<{ out: string; err: string; code: unknown }> {
  let out = '';
  let err = '';
  const io = {
    out: (s: string) => void (out += s),
    err: (s: string) => void (err += s),
    isTTY: false,
  };
  await notebookCommand(io, open).parseAsync(['node', 'notebook', ...args], { from: 'node' });
  const code = process.exitCode;
  process.exitCode = undefined;
  return { out, err, code };
}

describe('quire notebook', () => {
  it('lists, runs and exports by title or id', async () => {
    const { notebook } = await handlers['notebooks:create'](
      { title: 'Scaling laws, revisited', cells: sampleNotebook().cells },
      {
        signal: new AbortController().signal,
        onProgress: () => {},
      },
    );
    const list = await run(['list']);
    expect(list.out).toContain(notebook.id);
    expect(list.out).toContain('6 cells  Scaling laws, revisited');

    const ran = await run(['run', 'scaling laws']);
    expect(ran.err).toBe('');
    expect(ran.out).toContain('js1: ok');
    expect(ran.out).toContain('Ran 2 cells of "Scaling laws, revisited"');

    const md = await run(['export', notebook.id, '--format', 'md']);
    expect(md.out).toContain('$L(C) = E + A C^{-\\alpha}$');
    expect(md.out).toContain('| compute | logLoss |');

    const outFile = join(dir, 'nb.ipynb');
    const ipynb = await run([
      'export',
      'Scaling laws, revisited',
      '--format',
      'ipynb',
      '--out',
      outFile,
    ]);
    expect(ipynb.err).toContain(`Wrote ${outFile}`);
    expect(JSON.parse(readFileSync(outFile, 'utf8'))).toMatchObject({
      nbformat: 4,
      nbformat_minor: 5,
    });

    const missing = await run(['export', 'nope', '--format', 'html']);
    expect(missing.err).toBe('quire: No notebook named "nope".\n');
    expect(missing.code).toBe(1);
  });
});
