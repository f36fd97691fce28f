// `quire cluster` as users run it: a child process through bin/quire.mjs on a real library folder.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeLlmServer } from '../support/fake-llm-server';
import { runQuire } from '../support/quire-cli';

const quire = (args: string[]) => runQuire(args);

const TOPICS = [
  'protein folding amino acid sequence structure prediction',
  'galaxy formation dark matter halo cosmological simulation',
  'speech recognition acoustic phoneme spoken language',
];

let tmp: string;
let lib: string;
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'quire-cluster-'));
  lib = join(tmp, 'lib');
  const lines = Array.from({ length: 45 }, (_, i) => {
    const t = TOPICS[i % 3]!;
    const words = t.split(' ');
    // Each paper uses a different selection of its topic's words, so vectors differ.
    const pick = words.filter((_, j) => (i + j) % 4 !== 0).join(' ');
    return JSON.stringify({ title: `${pick} study ${i}`, abstract: `${t}. ${pick}.` });
  });
  await writeFile(join(tmp, 'p.jsonl'), lines.join('\n'));
  const r = await quire(['import', join(tmp, 'p.jsonl'), '--library', lib]);
  expect(r.code, r.stderr).toBe(0);
}, 120_000);
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('quire cluster', () => {
  it('prints the documented JSON, the same for the same seed', { timeout: 240_000 }, async () => {
    const a = await quire(['cluster', '--library', lib, '--seed', '3', '--json']);
    expect(a.code, a.stderr).toBe(0);
    const out = JSON.parse(a.stdout) as {
      method: string;
      clusters: { id: string; label: string; keywords: string[]; size: number }[];
      papers: { paperId: string; title: string; cluster: string | null; x: number; y: number }[];
    };
    expect(Object.keys(out)).toEqual(['method', 'clusters', 'papers']);
    expect(out.method).toBe('density');
    expect(out.papers).toHaveLength(45);
    for (const c of out.clusters)
      expect(Object.keys(c)).toEqual(['id', 'label', 'keywords', 'size']);
    for (const p of out.papers)
      expect(Object.keys(p)).toEqual(['paperId', 'title', 'cluster', 'x', 'y']);
    const ids = new Set(out.clusters.map((c) => c.id));
    for (const p of out.papers) expect(p.cluster === null || ids.has(p.cluster)).toBe(true);
    expect(out.clusters.reduce((s, c) => s + c.size, 0)).toBe(
      out.papers.filter((p) => p.cluster).length,
    );
    // The three topics are told apart: papers of one topic share a cluster.
    for (const t of TOPICS) {
      const head = t.split(' ').slice(0, 2);
      const own = out.papers.filter((p) => head.some((w) => p.title.includes(w)) && p.cluster);
      expect(new Set(own.map((p) => p.cluster)).size).toBe(1);
    }
    const b = await quire(['cluster', '--library', lib, '--seed', '3', '--json']);
    expect(b.stdout).toBe(a.stdout);
  });

  it(
    'k-means with --k gives k clusters; bad options fail with one line',
    { timeout: 240_000 },
    async () => {
      const k = await quire([
        'cluster',
        '--library',
        lib,
        '--method',
        'kmeans',
        '--k',
        '4',
        '--json',
      ]);
      expect(k.code, k.stderr).toBe(0);
      const out = JSON.parse(k.stdout) as { method: string; clusters: unknown[] };
      expect(out.method).toBe('kmeans');
      expect(out.clusters).toHaveLength(4);
      for (const args of [
        ['--k', 'three'],
        ['--method', 'spectral'],
        ['--k', '3'],
        ['--reassign', '2'],
      ]) {
        const r = await quire(['cluster', '--library', lib, ...args]);
        expect(r.code, args.join(' ')).not.toBe(0);
        expect(r.stderr.trim().split('\n').length, r.stderr).toBeLessThanOrEqual(2);
        expect(r.stderr).toMatch(/k|method|reassign/);
      }
    },
  );

  it(
    '--name-with-llm: a clear error without an LLM, names with provenance with one',
    { timeout: 240_000 },
    async () => {
      const none = await quire(['cluster', '--library', lib, '--seed', '3', '--name-with-llm']);
      expect(none.code).not.toBe(0);
      expect(none.stderr).toMatch(/No LLM is configured/);
      const server = await startFakeLlmServer();
      try {
        const set = await quire([
          'llm',
          'set',
          '--library',
          lib,
          '--url',
          server.url,
          '--model',
          'tiny-chat',
        ]);
        expect(set.code, set.stderr).toBe(0);
        server.scriptChat(
          { content: '"Protein Structure"' },
          { content: 'Topic name: Cosmology.' },
          { content: 'Speech\nRecognition' },
        );
        const r = await quire([
          'cluster',
          '--library',
          lib,
          '--seed',
          '3',
          '--name-with-llm',
          '--json',
        ]);
        expect(r.code, r.stderr).toBe(0);
        const out = JSON.parse(r.stdout) as {
          clusters: { label: string; namedBy?: string }[];
        };
        expect(out.clusters).toHaveLength(3);
        expect(out.clusters.map((c) => c.label).sort()).toEqual([
          'Cosmology',
          'Protein Structure',
          'Speech',
        ]);
        for (const c of out.clusters)
          expect(c.namedBy).toBe(`tiny-chat @ ${new URL(server.url).host}`);
      } finally {
        await server.close();
      }
    },
  );
});
