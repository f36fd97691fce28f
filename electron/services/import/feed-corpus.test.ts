// The sample library: ../shared/corpus/paper-feed.txt must import as exactly 227 papers.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Paper } from '@shared/api/schemas';
import { exportPapers } from '../export';
import { draftAsPaper } from './draft-paper.fixtures';
import { parseSource, parseText } from './index';

const corpus = resolve(__dirname, '../../../../shared/corpus/paper-feed.txt');
const exists = existsSync(corpus);

describe('paper-feed corpus', () => {
  if (!exists) it.skip('../shared/corpus not present (fresh clone): skipping', () => {});

  it.skipIf(!exists)(
    'yields 227 papers with the first title unglued from "Subscribe"',
    async () => {
      const progress: number[] = [];
      const r = await parseSource(readFileSync(corpus), 'paper-feed.txt', undefined, {
        onProgress: (p) => progress.push(p.done),
      });
      expect(r.format).toBe('feed');
      expect(r.records).toHaveLength(227);
      expect(r.skipped).toEqual([]);
      expect(r.warnings).toEqual([]);
      expect(r.records[0]?.title).toBe(
        'GShard: Scaling Giant Models with Conditional Computation and Automatic Sharding',
      );
      for (const p of r.records) {
        expect(p.title.length).toBeLessThan(300);
        expect(p.abstract.length).toBeGreaterThan(300);
      }
      expect(progress.at(-1)).toBe(227);
    },
  );

  it.skipIf(!exists)(
    'gives the same papers when pasted with CRLF line ends and blank lines',
    async () => {
      const text = readFileSync(corpus, 'utf8').split('\n').join('\r\n\r\n');
      const r = await parseSource(new TextEncoder().encode(text), 'pasted.txt', undefined, {});
      expect(r.format).toBe('feed');
      expect(r.records).toHaveLength(227);
    },
  );

  it.skipIf(!exists)(
    'its BibTeX and CSL-JSON exports import back field for field',
    async () => {
      const r = await parseSource(readFileSync(corpus), 'paper-feed.txt', undefined, {});
      const papers: Paper[] = r.records.map((d, i) => draftAsPaper(d, i, 'paper-feed.txt'));
      for (const [format, name] of [
        ['bibtex', 'x.bib'],
        ['csl-json', 'x.json'],
      ] as const) {
        const back = await parseText(exportPapers(papers, format).content, name, undefined);
        expect(back.skipped).toEqual([]);
        expect(back.records).toEqual(r.records);
      }
    },
    60_000,
  );
});
