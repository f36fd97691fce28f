// `quire annotations`: highlight a passage of a paper's title or abstract (add), list highlights,
// export them (W3C Web Annotation JSON-LD or Markdown per paper) and import a JSON-LD file.
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { Command, Option } from 'commander';
import type { Api } from '@shared/api/client';
import type { Annotation } from '@shared/annotations/types';
import { action, withApi, type GlobalOptions, type Io } from './context';

const connect = <T>(cmd: Command, fn: (api: Api, opts: GlobalOptions) => Promise<T>) =>
  withApi(cmd, 'cli', (api, _s, opts) => fn(api, opts));

const json = (v: unknown) => JSON.stringify(v, null, 2) + '\n';

/** One line of a list: what the user needs to find the passage again. */
export function listRow(a: Annotation): Record<string, unknown> {
  return {
    id: a.id,
    paperId: a.paperId,
    title: a.paperTitle,
    field: a.field,
    quote: a.selectors.quote.exact,
    kind: a.kind,
    comment: a.comment,
    orphaned: a.orphaned,
  };
}

function formatList(items: Annotation[]): string {
  if (items.length === 0) return 'No highlights.\n';
  return (
    items
      .map((a) => {
        const quote = a.selectors.quote.exact.replace(/\s+/g, ' ');
        const lines = [
          `${a.kind.padEnd(10)} "${quote}"${a.orphaned ? '  [orphaned]' : ''}`,
          `           ${a.paperTitle} (${a.field}; paper ${a.paperId}; highlight ${a.id})`,
        ];
        if (a.comment) lines.push(`           ${a.comment.replace(/\s+/g, ' ').slice(0, 200)}`);
        return lines.join('\n');
      })
      .join('\n') + '\n'
  );
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

export function annotationsCommand(io: Io): Command {
  const cmd = new Command('annotations').description(
    'highlights on titles and abstracts: add, list, export, import',
  );
  addCommand(cmd, io);
  listCommand(cmd, io);
  exportCommand(cmd, io);
  importCommand(cmd, io);
  return cmd;
}

/** `annotations add`: highlight a quoted passage. */
function addCommand(cmd: Command, io: Io): void {
  cmd
    .command('add')
    .description("highlight a passage: the quote must occur in the paper's title or abstract")
    .requiredOption('--paper <id>', 'paper id (see `quire list --json`)')
    .requiredOption('--quote <text>', 'the passage to highlight, as it reads in the paper')
    .option('--kind <kind>', 'highlight kind (default: the first of the library, claim)')
    .option('--comment <text>', 'a comment, Markdown with $math$')
    .addOption(
      new Option('--field <field>', 'look only in this field').choices(['title', 'abstract']),
    )
    .option('--json', 'print machine-readable JSON')
    .action(
      action(
        io,
        async function (
          this: Command,
          o: {
            paper: string;
            quote: string;
            kind?: string;
            comment?: string;
            field?: 'title' | 'abstract';
          },
        ) {
          await connect(this, async (api, opts) => {
            const a = await api.call('annotations:add', {
              paperId: o.paper,
              quote: o.quote,
              ...(o.kind ? { kind: o.kind } : {}),
              ...(o.comment !== undefined ? { comment: o.comment } : {}),
              ...(o.field ? { field: o.field } : {}),
            });
            io.out(
              opts.json
                ? json(listRow(a))
                : `Highlighted "${a.selectors.quote.exact}" in the ${a.field} of "${a.paperTitle}" as ${a.kind} (id ${a.id}).\n`,
            );
          });
        },
      ),
    );
}

/** `annotations list`: every matching highlight, read page by page. */
function listCommand(cmd: Command, io: Io): void {
  cmd
    .command('list')
    .description('list highlights (paper, quote, kind, comment, orphaned)')
    .option('--paper <id>', 'only this paper')
    .option('--kind <kind>', 'only this kind')
    .option('--query <words>', 'only highlights whose passage or comment has all these words')
    .option('--json', 'print machine-readable JSON')
    .action(
      action(
        io,
        async function (this: Command, o: { paper?: string; kind?: string; query?: string }) {
          await connect(this, async (api, opts) => {
            const items: Annotation[] = [];
            // Pages of the largest size the contract allows, until all are read.
            for (let offset = 0; ;) {
              const page = await api.call('annotations:list', {
                ...(o.paper ? { paperId: o.paper } : {}),
                ...(o.kind ? { kind: o.kind } : {}),
                ...(o.query ? { query: o.query } : {}),
                offset,
                limit: 10_000,
              });
              items.push(...page.items);
              offset += page.items.length;
              if (page.items.length === 0 || offset >= page.total) break;
            }
            io.out(opts.json ? json(items.map(listRow)) : formatList(items));
          });
        },
      ),
    );
}

/** `annotations export`: to stdout, a file, or (Markdown) a folder of notes. */
function exportCommand(cmd: Command, io: Io): void {
  cmd
    .command('export')
    .description('export highlights as W3C Web Annotation JSON-LD or Markdown (one note per paper)')
    .addOption(
      new Option('--format <format>', 'w3c or markdown')
        .choices(['w3c', 'markdown'])
        .makeOptionMandatory(),
    )
    .option('--out <file>', 'write to this file (Markdown: a folder gets one file per paper)')
    .option('--paper <id...>', 'only these papers')
    .action(
      action(
        io,
        async function (
          this: Command,
          o: { format: 'w3c' | 'markdown'; out?: string; paper?: string[] },
        ) {
          await connect(this, async (api) => {
            const r = await api.call('annotations:export', {
              format: o.format,
              ...(o.paper ? { paperIds: o.paper } : {}),
            });
            if (!o.out) {
              io.out(r.content);
              return;
            }
            if (o.format === 'markdown' && (o.out.endsWith('/') || (await isDirectory(o.out)))) {
              await mkdir(o.out, { recursive: true });
              for (const f of r.files) await writeFile(join(o.out, f.name), f.content);
              io.err(`Wrote ${r.count} highlights in ${r.files.length} notes to ${o.out}\n`);
              return;
            }
            await writeFile(o.out, r.content);
            io.err(`Wrote ${r.count} highlights to ${o.out}\n`);
          });
        },
      ),
    );
}

/** `annotations import`: a W3C JSON-LD file onto the matching papers. */
function importCommand(cmd: Command, io: Io): void {
  cmd
    .command('import')
    .description('restore highlights from a W3C Web Annotation JSON-LD file onto matching papers')
    .argument('<file>', 'a .jsonld / .json file (Quire export, Hypothesis, …)')
    .option('--json', 'print machine-readable JSON')
    .action(
      action(io, async function (this: Command, file: string) {
        const text = await readFile(file, 'utf8').catch((err: NodeJS.ErrnoException) => {
          throw new Error(
            `cannot read ${file}: ${err.code === 'ENOENT' ? 'no such file' : err.message}`,
          );
        });
        await connect(this, async (api, opts) => {
          const r = await api.call('annotations:import', { text, name: basename(file) });
          if (opts.json) {
            io.out(json(r));
            return;
          }
          io.out(`Restored ${r.restored} highlights (${r.alreadyPresent} already present).\n`);
          if (r.keptAside.length > 0) {
            io.out(`${r.keptAside.length} kept aside in ${r.keptAsideFile}:\n`);
            for (const k of r.keptAside.slice(0, 20))
              io.out(
                `  ${k.exact ? `"${k.exact.slice(0, 60)}"` : (k.annotationId ?? '(no id)')}: ${k.reason}\n`,
              );
            if (r.keptAside.length > 20) io.out(`  … and ${r.keptAside.length - 20} more\n`);
          }
        });
      }),
    );
}
