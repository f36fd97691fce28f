// The library export job: chunk by chunk it writes exactly what the one-shot exporters write, with
// progress per chunk, and a cancel between chunks ends it with `cancelled`.
import { describe, expect, it } from 'vitest';
import type { Progress } from '@shared/api/contract';
import { QuireError } from '@shared/api/errors';
import { EXPORT_FORMATS, type Paper } from '@shared/api/schemas';
import { paperRecord } from '../../../tests/support/library-fixtures';
import { exportPapers } from './index';
import { EXPORT_CHUNK, exportPapersJob } from './job';

// Fixed stamps, as a file imported from BibTeX would carry them.
const stamp = {
  sourceFile: 'test.bib',
  addedAt: '2024-01-01T00:00:00.000Z',
  updatedAt: '2024-01-02T00:00:00.000Z',
};
const KINDS: Partial<Paper>[] = [
  {
    title: 'Costs & Benefits: 50% of {braces} \\backslash',
    authors: ['Erwin Schrödinger'],
    year: 1935,
  },
  { title: 'Quoted "double", comma, and\nnewline', abstract: 'café 量子 😀', tags: ['a', 'b'] },
  { title: 'Attention', authors: ['Ashish Vaswani', 'Noam Shazeer'], venue: 'NeurIPS', year: 2017 },
  {
    title: 'Attention',
    authors: ['Ashish Vaswani'],
    year: 2017,
    doi: '10.1/x_y',
    pages: '1\u20139',
  },
];
// Papers repeated past several chunks: the same titles and authors make BibTeX keys clash across
// chunk boundaries, which must get the same suffixes as in one pass.
const MANY: Paper[] = Array.from({ length: EXPORT_CHUNK * 3 + 7 }, (_, i) =>
  paperRecord(`p${i}`, { ...stamp, ...KINDS[i % KINDS.length] }),
);

const ctx = (events: Progress[] = [], signal = new AbortController().signal) => ({
  signal,
  onProgress: (p: Progress) => events.push(p),
});

describe('exportPapersJob', () => {
  for (const format of EXPORT_FORMATS) {
    it(`${format}: the chunks add up to the one-shot export, for one paper and for many`, async () => {
      for (const papers of [MANY.slice(0, 1), MANY.slice(0, EXPORT_CHUNK), MANY]) {
        expect(await exportPapersJob(papers, format, ctx())).toEqual(exportPapers(papers, format));
      }
    });
  }

  it('reports papers written after every chunk, ending at the total', async () => {
    const events: Progress[] = [];
    await exportPapersJob(MANY, 'bibtex', ctx(events));
    expect(events.map((p) => p.done)).toEqual([
      0,
      EXPORT_CHUNK,
      EXPORT_CHUNK * 2,
      EXPORT_CHUNK * 3,
      MANY.length,
    ]);
    expect(events.every((p) => p.phase === 'papers' && p.total === MANY.length)).toBe(true);
  });

  it('stops at the chunk after a cancel, with `cancelled` and no content', async () => {
    const abort = new AbortController();
    const events: Progress[] = [];
    const outcome = await exportPapersJob(MANY, 'csv', {
      signal: abort.signal,
      onProgress: (p) => {
        events.push(p);
        if (p.done === EXPORT_CHUNK) abort.abort();
      },
    }).catch((err: unknown) => err);
    expect(outcome).toBeInstanceOf(QuireError);
    expect((outcome as QuireError).code).toBe('cancelled');
    expect(events.at(-1)!.done).toBe(EXPORT_CHUNK);
  });
});
