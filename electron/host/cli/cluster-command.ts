// `quire cluster`: computes the library's topic map (the same service as the Map view) and prints its
// clusters with their key phrases, or with --json the documented shape: method, clusters (id,
// label, keywords, size) and papers (id, title, cluster id or null when unassigned, map x/y).
import { Command, InvalidArgumentError, Option } from 'commander';
import type { MapCluster, MapMethod } from '@shared/api/map-contract';
import { MAP_METHOD_CHOICES } from './choices';
import { action, withApi, type Io } from './context';

/** What `--json` prints (README documents it). */
export type ClusterJson = {
  method: MapMethod;
  clusters: {
    id: string;
    label: string;
    keywords: string[];
    size: number;
    /** With --name-with-llm: the model that proposed the label (absent when the user's name wins). */
    namedBy?: string;
  }[];
  papers: { paperId: string; title: string; cluster: string | null; x: number; y: number }[];
};

const int = (name: string) => (v: string) => {
  if (!/^\d+$/.test(v.trim())) throw new InvalidArgumentError(`${name} must be a whole number.`);
  return Number.parseInt(v, 10);
};

export function clusterCommand(io: Io): Command {
  return new Command('cluster')
    .description("group the library's papers into labelled topics (the Map view's clusters)")
    .addOption(
      new Option('--method <method>', 'density (HDBSCAN) or kmeans')
        .choices(MAP_METHOD_CHOICES)
        .default('density'),
    )
    .option('--k <n>', 'kmeans: number of clusters (default: chosen by silhouette)', int('--k'))
    .option(
      '--min-cluster-size <n>',
      'density: smallest cluster (default: chosen automatically)',
      int('--min-cluster-size'),
    )
    .option('--seed <n>', 'random seed (same seed, same map)', int('--seed'))
    .option(
      '--reassign <similarity>',
      'cosine at or above which an unassigned paper joins its nearest cluster (0–1; 1 keeps them unassigned)',
      (v) => {
        const x = Number(v);
        if (!(x >= 0 && x <= 1))
          throw new InvalidArgumentError('--reassign must be between 0 and 1.');
        return x;
      },
    )
    .option(
      '--name-with-llm',
      'then ask the configured LLM (quire llm set) for a short name per cluster; your own names are kept',
    )
    .action(
      action(
        io,
        async function (
          this: Command,
          o: {
            method: MapMethod;
            k?: number;
            minClusterSize?: number;
            seed?: number;
            reassign?: number;
            nameWithLlm?: boolean;
          },
        ) {
          await withApi(this, 'cli', async (api, _s, opts) => {
            const before = await api.call('map:get', {});
            // Papers imported without vectors (a cancelled embedding) are embedded first.
            if (before.notEmbedded > 0) await api.call('embeddings:update', {});
            const st = await api.call('map:compute', {
              method: o.method,
              ...(o.k !== undefined ? { k: o.k } : {}),
              ...(o.minClusterSize !== undefined ? { minClusterSize: o.minClusterSize } : {}),
              ...(o.seed !== undefined ? { seed: o.seed } : {}),
              ...(o.reassign !== undefined ? { reassignSimilarity: o.reassign } : {}),
            });
            const map = o.nameWithLlm ? (await api.call('map:nameClusters', {})).map : st.map;
            if (!map) throw new Error('cluster: the map could not be computed');
            const namedBy = (c: MapCluster) => (c.llmName && !c.renamed ? c.llmName.model : null);
            if (opts.json) {
              const out: ClusterJson = {
                method: map.method,
                clusters: map.clusters.map((c) => ({
                  id: c.id,
                  label: c.label,
                  keywords: c.keywords,
                  size: c.size,
                  ...(namedBy(c) ? { namedBy: namedBy(c)! } : {}),
                })),
                papers: map.points.ids.map((id, i) => ({
                  paperId: id,
                  title: map.points.titles[i]!,
                  cluster:
                    map.points.cluster[i]! >= 0 ? map.clusters[map.points.cluster[i]!]!.id : null,
                  x: map.points.x[i]!,
                  y: map.points.y[i]!,
                })),
              };
              io.out(JSON.stringify(out, null, 2) + '\n');
              return;
            }
            for (const c of map.clusters)
              io.out(
                `${c.id.padEnd(5)} ${String(c.size).padStart(5)}  ${c.label}  [${c.keywords.join('; ')}]${namedBy(c) ? ` (named by ${namedBy(c)})` : ''}\n`,
              );
            io.out(
              `${map.clusters.length} clusters of ${map.points.ids.length} papers, ${map.unassigned} unassigned (${map.method}; ${map.choice.criterion})\n`,
            );
          });
        },
      ),
    );
}
