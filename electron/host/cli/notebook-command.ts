// `quire notebook list|run|export`: notebooks from the command line, through the same contract
// methods as the app (NAME is a notebook id or title).
import { Command, Option } from 'commander';
import type { Api } from '@shared/api/client';
import { QuireError } from '@shared/api/errors';
import type { NotebookExportFormat } from '@shared/notebook/export/index';
import { NOTEBOOK_EXPORT_FORMAT_CHOICES } from './choices';
import { action, withApi, type GlobalOptions, type Io } from './context';

/** How a command gets an API: the library's services by default; tests pass their own. */
export type OpenApi = <T>(
  cmd: Command,
  fn: (api: Api, opts: GlobalOptions) => Promise<T>,
) => Promise<T>;

const libraryApi: OpenApi = (cmd, fn) => withApi(cmd, 'cli', (api, _s, opts) => fn(api, opts));

/** Id first, then exact title (case-insensitive), then a unique title substring. */
export async function resolveNotebook(api: Api, name: string): Promise<string> {
  const all = await api.call('notebooks:list', {});
  const byId = all.find((n) => n.id === name);
  if (byId) return byId.id;
  const lower = name.toLowerCase();
  const exact = all.filter((n) => n.title.toLowerCase() === lower);
  if (exact.length === 1 && exact[0]) return exact[0].id;
  const partial = exact.length ? exact : all.filter((n) => n.title.toLowerCase().includes(lower));
  if (partial.length === 1 && partial[0]) return partial[0].id;
  if (partial.length === 0) throw new QuireError('not_found', `No notebook named "${name}".`);
  throw new QuireError(
    'invalid_input',
    `"${name}" matches ${partial.length} notebooks (${partial
      .slice(0, 5)
      .map((n) => `${n.id} "${n.title}"`)
      .join(', ')}); use the id.`,
  );
}

export function notebookCommand(io: Io, open: OpenApi = libraryApi): Command {
  const cmd = new Command('notebook').description('list, run and export notebooks');

  cmd.addCommand(
    new Command('list').description('list notebooks, most recently changed first').action(
      action(io, async function (this: Command) {
        await open(this, async (api, opts) => {
          const list = await api.call('notebooks:list', {});
          if (opts.json) return io.out(JSON.stringify(list, null, 2) + '\n');
          for (const n of list)
            io.out(
              `${n.id}  ${n.updatedAt.slice(0, 16).replace('T', ' ')}  ${String(n.cellCount).padStart(4)} cells  ${n.title}\n`,
            );
          io.out(`${list.length} notebooks\n`);
        });
      }),
    ),
  );

  cmd.addCommand(
    new Command('run')
      .description('run every computable cell in order and store the outputs')
      .argument('<name>', 'notebook id or title')
      .option('--stale', 'only cells whose outputs are stale or missing')
      .action(
        action(io, async function (this: Command, name: string, o: { stale?: boolean }) {
          await open(this, async (api, opts) => {
            const abort = new AbortController();
            const onSigint = () => abort.abort();
            process.once('SIGINT', onSigint);
            try {
              const id = await resolveNotebook(api, name);
              const r = await api.call(
                'notebooks:runAll',
                { id, onlyStale: Boolean(o.stale) },
                {
                  signal: abort.signal,
                  onProgress: (p) => {
                    if (io.isTTY && p.phase === 'running')
                      io.err(`\rrunning ${p.done + 1}/${p.total ?? '?'} ${p.message ?? ''}   `);
                  },
                },
              );
              if (io.isTTY) io.err('\r\x1b[K');
              if (opts.json)
                return io.out(
                  JSON.stringify({ ran: r.ran, stopped: r.stopped, status: r.status }, null, 2) +
                    '\n',
                );
              let errors = 0;
              for (const cellId of r.ran) {
                const cell = r.notebook.cells.find((c) => c.id === cellId);
                const err = cell?.outputs.find((x) => x.kind === 'error');
                if (err && err.kind === 'error') {
                  errors++;
                  io.out(`  ${cellId}: ${err.name}: ${err.message.split('\n')[0]}\n`);
                } else io.out(`  ${cellId}: ok\n`);
              }
              io.out(
                `${r.stopped ? 'Stopped after' : 'Ran'} ${r.ran.length} cells of "${r.notebook.title}"${errors ? `, ${errors} with errors` : ''}.\n`,
              );
              if (errors) process.exitCode = 1;
            } finally {
              process.off('SIGINT', onSigint);
            }
          });
        }),
      ),
  );

  cmd.addCommand(
    new Command('export')
      .description('export a notebook as Markdown, self-contained HTML or Jupyter .ipynb')
      .argument('<name>', 'notebook id or title')
      .addOption(
        new Option('--format <format>', 'output format')
          .choices(NOTEBOOK_EXPORT_FORMAT_CHOICES)
          .makeOptionMandatory(),
      )
      .option('--out <file>', 'write to this file instead of standard output')
      .action(
        action(
          io,
          async function (
            this: Command,
            name: string,
            o: { format: NotebookExportFormat; out?: string },
          ) {
            await open(this, async (api) => {
              const id = await resolveNotebook(api, name);
              const r = await api.call('notebooks:export', { id, format: o.format });
              if (o.out) {
                // Temp file + rename: an interrupted export never leaves a half-written file at --out.
                await (
                  await import('../../services/fs/atomic-write')
                ).writeFileAtomic(o.out, r.content);
                io.err(`Wrote ${o.out}\n`);
              } else io.out(r.content);
            });
          },
        ),
      ),
  );
  return cmd;
}
