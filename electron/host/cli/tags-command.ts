// `quire tags` (the vocabulary: add, list, rename, merge, remove) and `quire tag` (suggest with a
// tagger, accept or reject a suggestion, accept all of a tag above a score, undo).
import { Command, Option } from 'commander';
import type { Api } from '@shared/api/client';
import { QuireError } from '@shared/api/errors';
import type { Progress } from '@shared/api/contract';
import type { Suggestion, TagInfo } from '@shared/api/tagging-contract';
import { action, withApi, type GlobalOptions, type Io } from './context';

type Connect = <T>(cmd: Command, fn: (api: Api, opts: GlobalOptions) => Promise<T>) => Promise<T>;
const connect: Connect = (cmd, fn) => withApi(cmd, 'cli', (api, _s, opts) => fn(api, opts));

const json = (v: unknown) => JSON.stringify(v, null, 2) + '\n';

export function formatTagTable(tags: TagInfo[]): string {
  if (tags.length === 0)
    return 'The vocabulary is empty. Add a tag: quire tags add NAME --description TEXT\n';
  const rows = [
    ['TAG', 'PAPERS', 'PENDING', 'COLOUR', 'DESCRIPTION'],
    ...tags.map((t) => [
      t.name,
      String(t.paperCount),
      String(t.pendingCount),
      t.color,
      t.description || '(none)',
    ]),
  ];
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return (
    rows
      .map((r) => r.map((cell, c) => (c === 4 ? cell : cell.padEnd(widths[c]!))).join('  '))
      .join('\n') + '\n'
  );
}

function progressPrinter(io: Io): { onProgress: (p: Progress) => void; clear: () => void } {
  if (!io.isTTY) return { onProgress: () => {}, clear: () => {} };
  return {
    onProgress: (p) =>
      io.err(`\r\x1b[K${p.phase} ${p.done}${p.total == null ? '' : `/${p.total}`}`),
    clear: () => io.err('\r\x1b[K'),
  };
}

export function tagsCommand(io: Io): Command {
  const tags = new Command('tags').description(
    'the tag vocabulary: add, list, rename, merge, remove',
  );

  tags
    .command('add')
    .description('add a tag, or set the description and colour of an existing one')
    .argument('<name>', 'tag name')
    .option('--description <text>', 'one sentence saying what the tag means (the taggers read it)')
    .option('--color <hex>', 'colour such as #3366cc')
    .option('--json', 'print machine-readable JSON')
    .action(
      action(
        io,
        async function (this: Command, name: string, o: { description?: string; color?: string }) {
          await connect(this, async (api, opts) => {
            const t = await api.call('tags:add', {
              name,
              description: o.description,
              color: o.color,
            });
            io.out(
              opts.json
                ? json(t)
                : `Tag "${t.name}": ${t.description || '(no description)'} ${t.color}\n`,
            );
          });
        },
      ),
    );

  tags
    .command('list')
    .description('list the vocabulary with paper and pending-suggestion counts')
    .option('--json', 'print machine-readable JSON')
    .action(
      action(io, async function (this: Command) {
        await connect(this, async (api, opts) => {
          const list = await api.call('tags:list', {});
          io.out(opts.json ? json(list) : formatTagTable(list));
        });
      }),
    );

  tags
    .command('rename')
    .description("rename a tag everywhere: papers' tags and stored suggestions")
    .argument('<old>')
    .argument('<new>')
    .action(
      action(io, async function (this: Command, from: string, to: string) {
        await connect(this, async (api) => {
          const t = await api.call('tags:rename', { from, to });
          io.out(`Renamed "${from}" to "${t.name}" (${t.paperCount} papers).\n`);
        });
      }),
    );

  tags
    .command('merge')
    .description('merge tag FROM into INTO: papers keep one, suggestions are rewritten')
    .argument('<from>')
    .argument('<into>')
    .action(
      action(io, async function (this: Command, from: string, into: string) {
        await connect(this, async (api) => {
          const t = await api.call('tags:merge', { from, into });
          io.out(`Merged "${from}" into "${t.name}" (${t.paperCount} papers).\n`);
        });
      }),
    );

  tags
    .command('remove')
    .description('delete a tag from the vocabulary, the papers and the suggestions')
    .argument('<name>')
    .option('--json', 'print machine-readable JSON')
    .action(
      action(io, async function (this: Command, name: string) {
        await connect(this, async (api, opts) => {
          const r = await api.call('tags:remove', { name });
          io.out(
            opts.json
              ? json(r)
              : `Removed "${name}" from the vocabulary and ${r.removedFromPapers} papers.\n`,
          );
        });
      }),
    );
  return tags;
}

/** The pending suggestion of `tag` for `paperId` with the highest score. */
async function findSuggestion(api: Api, paperId: string, tag: string): Promise<Suggestion> {
  await api.call('library:get', { id: paperId });
  const { items } = await api.call('tagging:list', { paperId, tag, decision: 'pending', limit: 1 });
  if (!items[0])
    throw new QuireError(
      'not_found',
      `No pending suggestion of "${tag}" for paper ${paperId}: run \`quire tag suggest\` first, or type the tag on the paper.`,
    );
  return items[0];
}

/** `tag suggest`: runs the tagger (Ctrl+C cancels) and prints what the app would show. */
async function runSuggest(
  io: Io,
  api: Api,
  opts: GlobalOptions,
  tagger: 'auto' | 'zero-shot' | 'neighbours' | 'llm',
): Promise<void> {
  const abort = new AbortController();
  const onSigint = () => abort.abort();
  process.once('SIGINT', onSigint);
  const progress = progressPrinter(io);
  try {
    const r = await api.call(
      'tagging:suggest',
      { tagger },
      { signal: abort.signal, onProgress: progress.onProgress },
    );
    progress.clear();
    for (const w of r.warnings) io.err(`warning: ${w}\n`);
    if (r.cancelled) throw new QuireError('cancelled', 'Cancelled: no suggestions were stored.');
    if (opts.json) {
      io.out(
        json({
          tagger: r.tagger,
          model: r.model,
          suggestions: r.suggestions.map((s) => ({
            paperId: s.paperId,
            title: s.title,
            tag: s.tag,
            score: s.score,
            evidence: s.evidence,
          })),
        }),
      );
      return;
    }
    for (const s of r.suggestions)
      io.out(`${s.score.toFixed(3)}  ${s.tag}  ${s.title}  [${s.paperId}]\n`);
    io.out(
      `${r.suggestions.length} pending suggestions (${r.created} new) from ${r.tagger} with ${r.model}.\n`,
    );
    if (r.notTagged.length > 0)
      io.out(
        `${r.notTagged.length} papers could not be tagged (first: ${r.notTagged[0]!.reason}).\n`,
      );
  } finally {
    process.off('SIGINT', onSigint);
  }
}

/** `tag accept --min-score`: every pending suggestion of a tag at or above a score (or a count). */
async function runAcceptAbove(
  io: Io,
  api: Api,
  opts: GlobalOptions,
  o: { paper?: string; tag: string; minScore?: string; dryRun?: boolean },
): Promise<void> {
  if (o.paper)
    throw new QuireError('invalid_input', 'Give either --paper or --min-score, not both.');
  const minScore = Number(o.minScore);
  if (!Number.isFinite(minScore) || minScore < 0 || minScore > 1)
    throw new QuireError(
      'invalid_input',
      `--min-score must be a number from 0 to 1, not "${o.minScore}".`,
    );
  const r = await api.call('tagging:acceptAbove', {
    tag: o.tag,
    minScore,
    dryRun: Boolean(o.dryRun),
  });
  io.out(
    opts.json
      ? json(r)
      : o.dryRun
        ? `${r.count} papers have a pending "${o.tag}" suggestion with score ≥ ${minScore}.\n`
        : `Accepted "${o.tag}" on ${r.count} papers (score ≥ ${minScore}).${r.undoToken ? ` Undo: quire tag undo ${r.undoToken}` : ''}\n`,
  );
}

export function tagCommand(io: Io): Command {
  const tag = new Command('tag').description('tag suggestions: suggest, accept, reject, undo');

  tag
    .command('suggest')
    .description('run a tagger over the library and print the suggestions the app would show')
    .addOption(
      new Option('--tagger <name>', 'which tagger')
        .choices(['auto', 'zero-shot', 'neighbours', 'llm'])
        .default('auto'),
    )
    .option('--json', 'print {"tagger","model","suggestions":[…]} as JSON')
    .action(
      action(
        io,
        async function (this: Command, o: { tagger: 'auto' | 'zero-shot' | 'neighbours' | 'llm' }) {
          await connect(this, async (api, opts) => {
            await runSuggest(io, api, opts, o.tagger);
          });
        },
      ),
    );

  tag
    .command('accept')
    .description('accept a suggestion (--paper and --tag), or all of a tag at or above --min-score')
    .option('--paper <id>', 'paper id')
    .requiredOption('--tag <name>', 'tag name')
    .option(
      '--min-score <s>',
      'accept every pending suggestion of the tag with at least this score (0..1)',
    )
    .option('--dry-run', 'with --min-score: only count')
    .option('--json', 'print machine-readable JSON')
    .action(
      action(
        io,
        async function (
          this: Command,
          o: { paper?: string; tag: string; minScore?: string; dryRun?: boolean },
        ) {
          await connect(this, async (api, opts) => {
            if (o.minScore !== undefined) {
              await runAcceptAbove(io, api, opts, o);
              return;
            }
            if (!o.paper)
              throw new QuireError(
                'invalid_input',
                'Give --paper ID (or --min-score S for all papers).',
              );
            const s = await findSuggestion(api, o.paper, o.tag);
            const r = await api.call('tagging:decide', { ids: [s.id], decision: 'accepted' });
            io.out(
              opts.json
                ? json(r)
                : `Accepted "${o.tag}" on "${s.title}". Undo: quire tag undo ${r.undoToken}\n`,
            );
          });
        },
      ),
    );

  tag
    .command('reject')
    .description('reject a suggestion: no tagger proposes that tag for that paper again')
    .requiredOption('--paper <id>', 'paper id')
    .requiredOption('--tag <name>', 'tag name')
    .option('--json', 'print machine-readable JSON')
    .action(
      action(io, async function (this: Command, o: { paper: string; tag: string }) {
        await connect(this, async (api, opts) => {
          const s = await findSuggestion(api, o.paper, o.tag);
          const r = await api.call('tagging:decide', { ids: [s.id], decision: 'rejected' });
          io.out(
            opts.json
              ? json(r)
              : `Rejected "${o.tag}" for "${s.title}". Undo: quire tag undo ${r.undoToken}\n`,
          );
        });
      }),
    );

  tag
    .command('undo')
    .description('undo an accept or reject (within the same session: tokens live in memory)')
    .argument('<token>')
    .action(
      action(io, async function (this: Command, undoToken: string) {
        await connect(this, async (api) => {
          const r = await api.call('tagging:undo', { undoToken });
          io.out(`Restored ${r.restored} suggestions.\n`);
        });
      }),
    );
  return tag;
}
