// CLI commands over the library: info, import, list, export.
import { resolve } from 'node:path';
import { Command, Option } from 'commander';
import type { Progress } from '@shared/api/contract';
import type { ExportFormat, ImportFormat, SORT_KEYS } from '@shared/api/schemas';
import { EXPORT_FORMAT_CHOICES, IMPORT_FORMAT_CHOICES, SORT_KEY_CHOICES } from './choices';
import { action, withApi, type Io } from './context';
import { differenceText } from '@shared/papers/identity';

function progressPrinter(io: Io): (p: Progress) => void {
  let lastWait = '';
  return (p) => {
    // Waiting for another process's write is said in words, on a terminal or not, once per reason.
    if (p.phase === 'waiting' && p.message) {
      if (p.message !== lastWait) io.err(`${io.isTTY ? '\r\x1b[K' : ''}${p.message}\n`);
      lastWait = p.message;
      return;
    }
    if (io.isTTY) io.err(`\r${p.phase} ${p.done}${p.total == null ? '' : `/${p.total}`}   `);
  };
}

export function infoCommand(io: Io): Command {
  return new Command('info').description('show where the library lives and what it holds').action(
    action(io, async function (this: Command) {
      await withApi(this, 'cli', async (api, _s, opts) => {
        const info = await api.call('app:info', {});
        io.out(
          opts.json
            ? JSON.stringify(info, null, 2) + '\n'
            : `Library: ${info.location}\nPapers: ${info.paperCount}\nFormat version: ${info.schemaVersion}\nQuire ${info.appVersion}\n`,
        );
      });
    }),
  );
}

export function importCommand(io: Io): Command {
  return new Command('import')
    .description(
      'import papers from a file (paper feed, BibTeX, RIS, CSL-JSON, arXiv Atom, CSV, JSONL)',
    )
    .argument('<file>', 'file to import')
    .addOption(
      new Option('--format <format>', 'format, detected when omitted').choices(
        IMPORT_FORMAT_CHOICES,
      ),
    )
    .option('--dry-run', 'report what would be imported, write nothing')
    .action(
      action(
        io,
        async function (
          this: Command,
          file: string,
          o: { format?: ImportFormat; dryRun?: boolean },
        ) {
          await withApi(this, 'cli', async (api, _s, opts) => {
            const abort = new AbortController();
            const onSigint = () => abort.abort();
            process.once('SIGINT', onSigint);
            const source = { kind: 'path' as const, path: resolve(file) };
            const call = { signal: abort.signal, onProgress: progressPrinter(io) };
            try {
              if (o.dryRun) {
                const p = await api.call('import:preview', { source, format: o.format }, call);
                if (io.isTTY) io.err('\r\x1b[K');
                io.out(
                  opts.json
                    ? JSON.stringify(p, null, 2) + '\n'
                    : `Would import ${p.newCount} papers (${p.duplicateCount} duplicates, ${p.skipped.length} skipped) as ${p.format}.\n`,
                );
                return;
              }
              const r = await api.call('import:run', { source, format: o.format }, call);
              if (io.isTTY) io.err('\r\x1b[K');
              if (opts.json) {
                io.out(JSON.stringify(r, null, 2) + '\n');
                return;
              }
              io.out(
                `${r.cancelled ? 'Cancelled: kept' : 'Imported'} ${r.imported} papers from ${file} (${r.format}); ` +
                  `${r.duplicateCount} duplicates (${r.mergedCount} merged), ${r.skipped.length} skipped.\n`,
              );
              if (r.distinctCount > 0) {
                io.out(`${r.distinctCount} kept as a different work despite the same title:\n`);
                for (const d of r.distinct.slice(0, 20)) {
                  io.out(`  "${d.title}" (${differenceText(d.reason)})\n`);
                }
              }
              for (const s of r.skipped.slice(0, 20)) io.out(`  skipped ${s.at}: ${s.reason}\n`);
              if (r.skipped.length > 20) io.out(`  … and ${r.skipped.length - 20} more skipped\n`);
              for (const w of r.warnings) io.out(`  warning: ${w}\n`);
            } finally {
              process.off('SIGINT', onSigint);
            }
          });
        },
      ),
    );
}

export function listCommand(io: Io): Command {
  return new Command('list')
    .description('list papers')
    .option('--text <words>', 'only papers containing all these words', '')
    .option('--tag <tag>', 'only papers with this tag')
    .addOption(new Option('--sort <key>', 'sort key').choices(SORT_KEY_CHOICES).default('addedAt'))
    .option('--desc', 'sort descending')
    .option('--limit <n>', 'at most this many', (v) => Number.parseInt(v, 10), 1000)
    .option('--offset <n>', 'skip this many', (v) => Number.parseInt(v, 10), 0)
    .action(
      action(
        io,
        async function (
          this: Command,
          o: {
            text: string;
            tag?: string;
            sort: (typeof SORT_KEYS)[number];
            desc?: boolean;
            limit: number;
            offset: number;
          },
        ) {
          await withApi(this, 'cli', async (api, _s, opts) => {
            const r = await api.call('library:list', {
              text: o.text,
              tag: o.tag,
              sort: o.sort,
              dir: o.desc ? 'desc' : 'asc',
              limit: o.limit,
              offset: o.offset,
            });
            if (opts.json) {
              io.out(JSON.stringify(r, null, 2) + '\n');
              return;
            }
            for (const p of r.items) io.out(`${p.id}  ${p.year ?? '    '}  ${p.title}\n`);
            io.out(`${r.items.length} of ${r.total} papers\n`);
          });
        },
      ),
    );
}

export function exportCommand(io: Io): Command {
  return new Command('export')
    .description('export the library')
    .addOption(
      new Option('--format <format>', 'output format')
        .choices(EXPORT_FORMAT_CHOICES)
        .makeOptionMandatory(),
    )
    .option('--out <file>', 'write to this file instead of standard output')
    .action(
      action(io, async function (this: Command, o: { format: ExportFormat; out?: string }) {
        await withApi(this, 'cli', async (api) => {
          const r = await api.call('export:library', { format: o.format });
          if (o.out) {
            // Temp file + rename: an interrupted export never leaves a half-written file at --out.
            await (
              await import('../../services/fs/atomic-write')
            ).writeFileAtomic(o.out, r.content);
            io.err(`Wrote ${r.count} papers to ${o.out}\n`);
          } else io.out(r.content);
        });
      }),
    );
}
