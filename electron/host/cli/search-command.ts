// `quire search`: hybrid, semantic or keyword search from the command line, same service as the app.
import { Command, Option } from 'commander';
import { SEARCH_MODES, type SearchMode } from '../../../shared/api/schemas';
import { action, withApi, type Io } from './context';

/** What `--json` prints: the documented, stable shape (see README). */
export type SearchJson = {
  query: string;
  mode: SearchMode;
  model: string;
  tookMs: number;
  notice?: string;
  results: {
    rank: number;
    id: string;
    title: string;
    year: number | null;
    score: number;
    vectorScore: number | null;
    ftsScore: number | null;
  }[];
};

export function searchCommand(io: Io): Command {
  return new Command('search')
    .description('search the library by meaning and by keyword')
    .argument('<query>', 'what to look for')
    .addOption(
      new Option('--mode <mode>', 'hybrid, vector (semantic) or fts (keyword)')
        .choices(SEARCH_MODES)
        .default('hybrid'),
    )
    .option('--k <n>', 'how many results', (v) => Number.parseInt(v, 10), 10)
    .option('--tag <tag>', 'only papers with this tag')
    .action(
      action(
        io,
        async function (
          this: Command,
          query: string,
          o: { mode: SearchMode; k: number; tag?: string },
        ) {
          await withApi(this, 'cli', async (api, _s, opts) => {
            const r = await api.call('search:query', {
              query,
              mode: o.mode,
              k: o.k,
              filters: o.tag ? { tag: o.tag } : {},
            });
            if (opts.json) {
              const out: SearchJson = {
                query,
                mode: r.mode,
                model: r.model,
                tookMs: r.tookMs,
                ...(r.notice ? { notice: r.notice } : {}),
                results: r.hits.map((h, i) => ({
                  rank: i + 1,
                  id: h.paper.id,
                  title: h.paper.title,
                  year: h.paper.year,
                  score: h.score,
                  vectorScore: h.vectorScore,
                  ftsScore: h.ftsScore,
                })),
              };
              io.out(JSON.stringify(out, null, 2) + '\n');
              return;
            }
            if (r.notice) io.err(`${r.notice}\n`);
            r.hits.forEach((h, i) =>
              io.out(
                `${String(i + 1).padStart(3)}. ${h.score.toFixed(3)}  ${h.paper.title}  [${h.paper.id}]\n`,
              ),
            );
            io.out(`${r.hits.length} results (${r.mode}, ${r.model}, ${r.tookMs} ms)\n`);
          });
        },
      ),
    );
}
