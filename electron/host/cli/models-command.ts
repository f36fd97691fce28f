// `quire models`: list installed embedding models, download one from the hub (progress, Ctrl+C
// cancels and keeps the partial files for resume), and switch the active model (re-indexes).
import { Command } from 'commander';
import type { Api } from '@shared/api/client';
import type { Progress } from '@shared/api/contract';
import type { EmbeddingStatus, ModelInfo } from '@shared/api/schemas';
import { action, withApi, type GlobalOptions, type Io } from './context';

/** Opens the API for a command; tests pass their own to run without a library. */
export type Connect = <T>(
  cmd: Command,
  fn: (api: Api, opts: GlobalOptions) => Promise<T>,
) => Promise<T>;

const defaultConnect: Connect = (cmd, fn) => withApi(cmd, 'cli', (api, _s, opts) => fn(api, opts));

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(0)} KB`;
  if (n < 1024 ** 3) return `${(n / 1024 ** 2).toFixed(1)} MB`;
  return `${(n / 1024 ** 3).toFixed(2)} GB`;
}

/** The `models list` table: active mark, id, source, dims, size. */
export function formatModelTable(models: ModelInfo[]): string {
  if (models.length === 0) return 'No models installed.\n';
  const rows = [
    ['', 'ID', 'SOURCE', 'DIMS', 'SIZE'],
    ...models.map((m) => [
      m.active ? '*' : '',
      m.id,
      m.source,
      m.dims > 0 ? String(m.dims) : '?',
      formatBytes(m.sizeBytes),
    ]),
  ];
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  const right = new Set([3, 4]);
  const lines = rows.map((r) =>
    r
      .map((cell, c) =>
        right.has(c) ? cell.padStart(widths[c] ?? 0) : cell.padEnd(widths[c] ?? 0),
      )
      .join('  ')
      .trimEnd(),
  );
  return lines.join('\n') + '\n' + (models.some((m) => m.active) ? '* active model\n' : '');
}

/** One status line, rewritten in place on a terminal: bytes in MB for downloads, counts otherwise. */
export function formatProgress(p: Progress): string {
  const pct = p.total ? ` ${Math.floor((100 * p.done) / p.total)}%` : '';
  if (p.phase === 'download') {
    const amount = p.total == null ? '' : ` ${formatBytes(p.done)} / ${formatBytes(p.total)}`;
    return `downloading${amount}${pct}${p.message ? `  ${p.message}` : ''}`;
  }
  return `${p.phase} ${p.done}${p.total == null ? '' : `/${p.total}`}${pct}${p.message ? `  ${p.message}` : ''}`;
}

function progressPrinter(io: Io): { onProgress: (p: Progress) => void; clear: () => void } {
  if (!io.isTTY) return { onProgress: () => {}, clear: () => {} };
  let last = 0;
  return {
    onProgress: (p) => {
      const now = Date.now();
      if (now - last < 100 && p.done !== p.total) return;
      last = now;
      io.err(`\r\x1b[K${formatProgress(p)}`);
    },
    clear: () => io.err('\r\x1b[K'),
  };
}

/** Runs `fn` with a signal that Ctrl+C aborts. */
async function cancellable<T>(fn: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const abort = new AbortController();
  const onSigint = () => abort.abort();
  process.once('SIGINT', onSigint);
  try {
    return await fn(abort.signal);
  } finally {
    process.off('SIGINT', onSigint);
  }
}

export function statusLine(s: EmbeddingStatus): string {
  const line = `Active model: ${s.model} (${s.dims}-d); ${s.embedded} of ${s.total} papers embedded.`;
  return s.searchModel && s.searchModel !== s.model
    ? `${line} Search uses ${s.searchModel} until re-indexing completes.\n`
    : `${line}\n`;
}

export function modelsCommand(io: Io, connect: Connect = defaultConnect): Command {
  const models = new Command('models').description(
    'embedding models: list installed ones, download from the hub, switch the active one',
  );

  models
    .command('list')
    .description('list installed models (bundled and downloaded); * marks the active one')
    .option('--json', 'print machine-readable JSON')
    .action(
      action(io, async function (this: Command) {
        await connect(this, async (api, opts) => {
          const list = await api.call('models:list', {});
          io.out(opts.json ? JSON.stringify(list, null, 2) + '\n' : formatModelTable(list));
        });
      }),
    );

  models
    .command('download')
    .description(
      'download a transformers.js model from the hub (needs a network connection; resumes; Ctrl+C cancels)',
    )
    .argument('<id>', 'hub model id, e.g. Xenova/all-MiniLM-L6-v2 or Xenova/bge-small-en-v1.5')
    .option('--revision <rev>', 'branch, tag or commit', 'main')
    .option('--json', 'print machine-readable JSON')
    .action(
      action(io, async function (this: Command, id: string, o: { revision: string }) {
        await connect(this, async (api, opts) => {
          const progress = progressPrinter(io);
          try {
            const info = await cancellable((signal) =>
              api.call(
                'models:download',
                { id, revision: o.revision },
                { signal, onProgress: progress.onProgress },
              ),
            );
            progress.clear();
            io.out(
              opts.json
                ? JSON.stringify(info, null, 2) + '\n'
                : `Downloaded ${info.id} (${info.dims > 0 ? `${info.dims}-d, ` : ''}${formatBytes(info.sizeBytes)}).` +
                    (info.active ? '\n' : ` Make it active with: quire models use ${info.id}\n`),
            );
          } catch (err) {
            progress.clear();
            throw err;
          }
        });
      }),
    );

  models
    .command('use')
    .description('make a model active and re-index the library with it (Ctrl+C cancels)')
    .argument('<id>', 'an installed model id (see `quire models list`)')
    .option('--json', 'print machine-readable JSON')
    .action(
      action(io, async function (this: Command, id: string) {
        await connect(this, async (api, opts) => {
          const progress = progressPrinter(io);
          try {
            const status = await cancellable((signal) =>
              api.call('models:use', { id }, { signal, onProgress: progress.onProgress }),
            );
            progress.clear();
            io.out(opts.json ? JSON.stringify(status, null, 2) + '\n' : statusLine(status));
          } catch (err) {
            progress.clear();
            throw err;
          }
        });
      }),
    );

  return models;
}
