// `quire search`: hybrid, semantic or keyword search from the command line, same service as the app.
import { Command, Option } from 'commander';
import type { MatchedTerm, QueryExpansion, SearchMode } from '@shared/api/schemas';
import { describeMatch } from '@shared/search/explain';
import { SEARCH_MODE_CHOICES } from './choices';
import { action, withApi, type Io } from './context';

/** What `--json` prints: the documented, stable shape (see README). */
export type SearchJson = {
  query: string;
  mode: SearchMode;
  model: string;
  tookMs: number;
  notice?: string;
  /** True when no result is likely to be relevant (all below the "no close match" threshold). */
  noCloseMatch: boolean;
  results: {
    rank: number;
    id: string;
    title: string;
    year: number | null;
    score: number;
    vectorScore: number | null;
    ftsScore: number | null;
    /** Estimated probability (0–1) that this result is relevant, on one scale for every query. */
    relevance?: number;
    /** With --explain: the query's words and expansions this paper contains. */
    matched?: MatchedTerm[];
  }[];
  /** With --explain: how the query was widened (abbreviations, compounds, word forms). */
  expansions?: QueryExpansion[];
};

export function searchCommand(io: Io): Command {
  return new Command('search')
    .description('search the library by meaning and by keyword')
    .argument('<query>', 'what to look for')
    .addOption(
      new Option('--mode <mode>', 'hybrid, vector (semantic) or fts (keyword)')
        .choices(SEARCH_MODE_CHOICES)
        .default('hybrid'),
    )
    .option('--k <n>', 'how many results', (v) => Number.parseInt(v, 10), 10)
    .option('--tag <tag>', 'only papers with this tag')
    .option('--explain', 'say why each result matched, and how the query was expanded')
    .action(
      action(
        io,
        async function (
          this: Command,
          query: string,
          o: { mode: SearchMode; k: number; tag?: string; explain?: boolean },
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
                noCloseMatch: r.noCloseMatch ?? false,
                results: r.hits.map((h, i) => ({
                  rank: i + 1,
                  id: h.paper.id,
                  title: h.paper.title,
                  year: h.paper.year,
                  score: h.score,
                  vectorScore: h.vectorScore,
                  ftsScore: h.ftsScore,
                  ...(h.relevance !== undefined ? { relevance: h.relevance } : {}),
                  ...(o.explain ? { matched: h.matched ?? [] } : {}),
                })),
                ...(o.explain ? { expansions: r.expansions ?? [] } : {}),
              };
              io.out(JSON.stringify(out, null, 2) + '\n');
              return;
            }
            if (r.notice) io.err(`${r.notice}\n`);
            if (r.noCloseMatch && r.hits.length)
              io.err('No close match: none of these results is likely to be relevant.\n');
            if (o.explain && r.expansions?.length)
              io.out(`expanded: ${r.expansions.map(describeMatch).join(', ')}\n`);
            r.hits.forEach((h, i) => {
              io.out(
                `${String(i + 1).padStart(3)}. ${h.score.toFixed(3)}  ${h.paper.title}  [${h.paper.id}]\n`,
              );
              if (o.explain && h.matched?.length)
                io.out(`       matched: ${h.matched.map(describeMatch).join(', ')}\n`);
            });
            io.out(`${r.hits.length} results (${r.mode}, ${r.model}, ${r.tookMs} ms)\n`);
          });
        },
      ),
    );
}
