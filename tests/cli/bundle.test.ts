// The bundled CLI (out/cli/quire.mjs, as `npm run build` and `npm install` make it): built here into
// a scratch folder beside out/, then run as a child process with plain Node (no tsx) on a real
// library — import with embeddings, list, search, fit, graph, notebooks — and checked to load
// none of the heavy modules before a command needs them.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OutputChunk, RolldownOutput } from 'rolldown';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli, EXTERNAL } from '../../scripts/cli-bundle.mjs';
import { REPO_ROOT } from '../support/shared-data';
import { runQuire } from '../support/quire-cli';

// Beside out/ (one level below the repo, like out/cli), so the bundle finds resources/ and
// package.json the way the real one does.
const scratch = mkdtempSync(join(REPO_ROOT, '.bundle-test-'));
const outDir = join(scratch, 'cli');
const tmp = mkdtempSync(join(tmpdir(), 'quire-bundle-'));
let output: RolldownOutput;

const quire = (args: string[]) => runQuire(args, join(outDir, 'quire.mjs'));

/** Every module and external package the entry reaches through static imports (what start-up loads). */
function staticGraph(
  out: RolldownOutput,
  entry: string,
): { modules: string[]; externals: string[] } {
  const chunks = new Map(
    out.output.filter((o): o is OutputChunk => o.type === 'chunk').map((c) => [c.fileName, c]),
  );
  const seen = new Set<string>();
  const modules: string[] = [];
  const externals = new Set<string>();
  const visit = (fileName: string) => {
    if (seen.has(fileName)) return;
    seen.add(fileName);
    const chunk = chunks.get(fileName);
    if (!chunk) {
      externals.add(fileName);
      return;
    }
    modules.push(...chunk.moduleIds);
    chunk.imports.forEach(visit);
  };
  visit(entry);
  return { modules, externals: [...externals] };
}

beforeAll(async () => {
  output = await buildCli({ outDir });
}, 300_000);

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
  rmSync(tmp, { recursive: true, force: true });
});

describe('the bundled CLI', () => {
  it('loads no service, native package, engine or schema library at start-up', () => {
    const { modules, externals } = staticGraph(output, 'quire.mjs');
    expect(modules.some((m) => m.endsWith('electron/host/cli/main.ts'))).toBe(true);
    // Native packages load only with the services…
    for (const pkg of EXTERNAL) expect(externals.filter((e) => e.startsWith(pkg))).toEqual([]);
    // …and so do the services, the fit engine (mathjs), graphology, zod, KaTeX and marked.
    const heavy = modules.filter((m) =>
      /electron\/services\/|shared\/fit\/|node_modules\/(mathjs|graphology|zod|katex|marked)\//.test(
        m.split('\\').join('/'),
      ),
    );
    expect(heavy).toEqual([]);
  });

  it('opens a library without loading the fit engine (notebooks load on their first call)', () => {
    const services = output.output.find(
      (o): o is OutputChunk =>
        o.type === 'chunk' &&
        o.moduleIds.some((m) => m.split('\\').join('/').endsWith('electron/services/index.ts')),
    );
    expect(services).toBeDefined();
    const { modules } = staticGraph(output, services!.fileName);
    const fitEngine = modules.filter((m) =>
      /shared\/fit\/|node_modules\/mathjs\//.test(m.split('\\').join('/')),
    );
    expect(fitEngine).toEqual([]);
  });

  it('prints help and the version of package.json', { timeout: 120_000 }, async () => {
    const help = await quire(['--help']);
    expect(help.code, help.stderr).toBe(0);
    for (const c of ['import', 'list', 'search', 'fit', 'graph', 'notebook', 'serve'])
      expect(help.stdout).toContain(c);
    const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
      version: string;
    };
    const version = await quire(['--version']);
    expect(version.stdout.trim()).toBe(pkg.version);
  });

  it(
    'imports with embeddings, lists and searches a real library',
    { timeout: 300_000 },
    async () => {
      const library = join(tmp, 'library');
      const file = join(tmp, 'papers.jsonl');
      const papers = [
        ['Scaling Laws for Neural Language Models', 'Loss falls as a power law in compute.'],
        ['Graph Attention Networks', 'Attention over the neighbours of each node of a graph.'],
        ['Deep Residual Learning', 'Residual connections let very deep networks train.'],
      ];
      writeFileSync(
        file,
        papers.map(([title, abstract]) => JSON.stringify({ title, abstract })).join('\n') + '\n',
      );
      const imported = await quire(['import', file, '--library', library, '--json']);
      expect(imported.code, imported.stderr).toBe(0);
      // No warning: the bundled model and the embedding worker were found from out/cli.
      expect(JSON.parse(imported.stdout)).toMatchObject({ imported: 3, warnings: [] });

      const list = await quire(['list', '--library', library, '--json', '--sort', 'title']);
      expect(list.code, list.stderr).toBe(0);
      const listed = JSON.parse(list.stdout) as { total: number; items: { title: string }[] };
      expect(listed.total).toBe(3);
      expect(listed.items.map((p) => p.title)).toEqual([
        'Deep Residual Learning',
        'Graph Attention Networks',
        'Scaling Laws for Neural Language Models',
      ]);

      const search = await quire([
        'search',
        'attention on graphs',
        '--library',
        library,
        '--mode',
        'vector',
        '--json',
      ]);
      expect(search.code, search.stderr).toBe(0);
      const found = JSON.parse(search.stdout) as { mode: string; results: { title: string }[] };
      expect(found.mode).toBe('vector');
      expect(found.results).toHaveLength(3);

      const notebooks = await quire(['notebook', 'list', '--library', library, '--json']);
      expect(notebooks.code, notebooks.stderr).toBe(0);
      expect(JSON.parse(notebooks.stdout)).toEqual([]);
    },
  );

  it(
    'loads the fit and graph engines when a command needs them',
    { timeout: 120_000 },
    async () => {
      const csv = join(tmp, 'runs.csv');
      writeFileSync(csv, 'x,y\n1,2\n2,4\n3,6\n4,8\n5,10\n');
      const fit = await quire([
        'fit',
        '--data',
        csv,
        '--x',
        'x',
        '--y',
        'y',
        '--model',
        'a*x',
        '--json',
      ]);
      expect(fit.code, fit.stderr).toBe(0);
      const result = JSON.parse(fit.stdout) as { params: { name: string; value: number }[] };
      expect(result.params[0]!.value).toBeCloseTo(2, 8);

      const edges = join(tmp, 'edges.csv');
      writeFileSync(edges, 'source,target\na,b\nb,c\nc,a\nc,d\n');
      const graph = await quire([
        'graph',
        '--edges',
        edges,
        '--metrics',
        'counts,degree',
        '--json',
      ]);
      expect(graph.code, graph.stderr).toBe(0);
      expect(JSON.parse(graph.stdout)).toMatchObject({ nNodes: 4, nEdges: 4 });
    },
  );
});
