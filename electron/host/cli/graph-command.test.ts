// `quire graph` on temporary edge lists: summary and JSON output, metric selection, errors on
// stderr with exit code 1, and the library similarity graph from stored vectors (--knn).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { createClient } from '@shared/api/client';
import { inProcessTransport } from '@shared/api/in-process';
import { createServices } from '../../services';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { graphCommand, parseMetricList } from './graph-command';

const dir = mkdtempSync(join(tmpdir(), 'quire-graph-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => {
  process.exitCode = undefined;
});

function file(name: string, text: string): string {
  const f = join(dir, name);
  writeFileSync(f, text);
  return f;
}

async function run(
  args: string[],
  mounted = false,
): Promise<{ out: string; err: string; code: unknown }> {
  let out = '';
  let err = '';
  const io = {
    out: (s: string) => void (out += s),
    err: (s: string) => void (err += s),
    isTTY: false,
  };
  if (mounted) {
    // As the main program mounts it, with the global --library and --json options.
    const program = new Command('quire').option('--library <dir>').option('--json');
    program.addCommand(graphCommand(io));
    await program.parseAsync(['node', 'quire', ...args], { from: 'node' });
  } else await graphCommand(io).parseAsync(['node', 'graph', ...args], { from: 'node' });
  const code = process.exitCode;
  process.exitCode = undefined;
  return { out, err, code };
}

// Two triangles joined by an edge, plus an isolated node given in JSON only.
const csv = file(
  'two.csv',
  'source,target,weight\na,b,1\nb,c,1\nc,a,1\nd,e,2\ne,f,2\nf,d,2\nc,d,5\n',
);

describe('quire graph', () => {
  it('prints a readable summary', async () => {
    const r = await run(['--edges', csv]);
    expect(r.err).toBe('');
    expect(r.code).toBeUndefined();
    expect(r.out).toMatch(/nodes \/ edges:\s+6 \/ 7/);
    expect(r.out).toMatch(/triangles:\s+2/);
    expect(r.out).toMatch(/components:\s+1 \(largest 6 nodes, 7 edges\)/);
    expect(r.out).toMatch(/diameter \(largest CC\):\s+3/);
    expect(r.out).toMatch(/Louvain communities:\s+2, modularity 0\.357/);
    expect(r.out).toMatch(/top betweenness:\s+(c|d) \(0\.6/);
  });

  it('prints JSON with the chosen metrics (global --json when mounted)', async () => {
    const r = await run(
      ['graph', '--edges', csv, '--metrics', 'degree,core', '--weighted', '--json'],
      true,
    );
    expect(r.err).toBe('');
    const j = JSON.parse(r.out) as Record<string, unknown>;
    expect(j.nNodes).toBe(6);
    expect(j.degreeHistogram).toEqual([0, 0, 4, 2]);
    expect(j.strength).toMatchObject({ c: 7, d: 9 });
    expect(j.coreNumber).toMatchObject({ a: 2, d: 2 });
    expect(j).not.toHaveProperty('betweenness');
  });

  it('reads JSON edge lists with isolated nodes, directed', async () => {
    const json = file('g.json', JSON.stringify({ nodes: ['x', 'y', 'z'], edges: [['x', 'y']] }));
    const r = await run(['--edges', json, '--directed', '--metrics', 'components', '--json']);
    const j = JSON.parse(r.out) as Record<string, unknown>;
    expect(j.directed).toBe(true);
    expect(j.componentSizes).toEqual([2, 1]);
  });

  it('reports bad input on one line with exit code 1', async () => {
    const bad = file('bad.csv', 'source,target\na,b\nb,\n');
    let r = await run(['--edges', bad]);
    expect(r.out).toBe('');
    expect(r.err).toBe('quire: graph: edge 2 has no target\n');
    expect(r.code).toBe(1);
    r = await run(['--edges', csv, '--metrics', 'degree,bogus']);
    expect(r.err).toMatch(/^quire: graph: unknown metric 'bogus'/);
    expect(r.code).toBe(1);
    r = await run([]);
    expect(r.err).toMatch(/--edges FILE is required/);
    r = await run(['--edges', join(dir, 'missing.csv')]);
    expect(r.err).toMatch(/^quire: graph: cannot read .*missing\.csv/);
    expect(r.err.split('\n')).toHaveLength(2);
  });

  it(
    'builds the library similarity graph from the stored vectors',
    { timeout: 120_000 },
    async () => {
      const lib = join(dir, 'lib');
      const papers = [
        ['Graph neural networks for molecules', 'message passing graph neural network chemistry'],
        ['Graph attention networks', 'attention over graph neighbourhoods in neural networks'],
        ['Scaling laws for language models', 'power law loss compute language model scaling'],
        ['Compute-optimal language model scaling', 'language model scaling tokens compute optimal'],
      ].map(([title, abstract]) => JSON.stringify({ title, abstract }));
      const src = file('papers.jsonl', papers.join('\n'));
      const services = await createServices({ libraryDir: lib, mode: 'cli' });
      await createClient(inProcessTransport(services.dispatch)).call('import:run', {
        source: { kind: 'path', path: src },
      });
      await services.close();
      const r = await run(
        ['--library', lib, '--json', 'graph', '--knn', '1', '--metrics', 'counts,louvain'],
        true,
      );
      expect(r.err).toBe('');
      const g = JSON.parse(r.out);
      expect(g).toMatchObject({ library: true, model: 'quire-glove-100d' });
      expect(g.nodes).toHaveLength(4);
      expect(g.edges.length).toBeGreaterThanOrEqual(2);
      expect((await run(['--knn', 'x'])).err).toMatch(/--knn must be a positive integer/);
    },
  );

  it('parses metric lists', () => {
    expect(parseMetricList('all')).toBe('all');
    expect(parseMetricList(' degree , louvain ')).toEqual(['degree', 'louvain']);
    expect(() => parseMetricList('x')).toThrow("graph: unknown metric 'x'");
  });
});
