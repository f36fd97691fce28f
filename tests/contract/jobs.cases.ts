// Contract cases of the long import and export jobs: progress, cancel, whole results only.
import { describe, expect, it } from 'vitest';
import type { Api } from '@shared/api/client';
import type { Progress } from '@shared/api/contract';
import type { QuireError } from '@shared/api/errors';
import { jsonl, rejection } from './suite-support';

export function importCancelCases(api: Api): void {
  describe('import job', () => {
    it('cancelling a long import keeps whole papers only', async () => {
      const abort = new AbortController();
      const source = { kind: 'text' as const, name: 'big.jsonl', text: jsonl(3000, 'Bulk') };
      const call = api.call(
        'import:run',
        { source },
        {
          signal: abort.signal,
          onProgress: (p) => {
            if (p.phase === 'write' && p.done > 0) abort.abort();
          },
        },
      );
      const outcome = await call.then(
        (r) => ({ kept: r.imported, cancelled: r.cancelled }),
        (e: QuireError) => ({ kept: -1, cancelled: e.code === 'cancelled' }),
      );
      expect(outcome.cancelled).toBe(true);
      const { total, items } = await api.call('library:list', { text: 'bulk', limit: 1000 });
      // Batches are all-or-nothing: whatever was kept is a multiple of the batch size, each row whole.
      expect(total % 500).toBe(0);
      expect(total).toBeLessThan(3000);
      for (const p of items) expect(p.abstract).toMatch(/^Abstract \d+\./);
    });
  });
}

export function exportJobCases(api: Api): void {
  describe('export job', () => {
    it('export:library is a job: progress in papers written, cancel ends it with no content, the next export completes', async () => {
      // Papers of its own, so the export spans many chunks (a cancel lands between two of them).
      const source = { kind: 'text' as const, name: 'export.jsonl', text: jsonl(1000, 'Export') };
      await api.call('import:run', { source });
      const papers = (await api.call('app:info', {})).paperCount;
      expect(papers).toBeGreaterThanOrEqual(1000);

      // Cancelled from the first progress event after papers were written.
      const abort = new AbortController();
      const seen: Progress[] = [];
      let result: unknown = null;
      const cancelled = await rejection(
        api
          .call(
            'export:library',
            { format: 'bibtex' },
            {
              signal: abort.signal,
              onProgress: (p) => {
                seen.push(p);
                if (p.done > 0) abort.abort();
              },
            },
          )
          .then((r) => (result = r)),
      );
      expect(cancelled.code).toBe('cancelled');
      expect(result).toBeNull();
      expect(seen[0]).toEqual({ phase: 'papers', done: 0, total: papers });
      expect(seen.at(-1)!.done).toBeLessThan(papers);

      // The next export runs to its end: progress rises to the total, every paper is in the file.
      const events: Progress[] = [];
      const out = await api.call(
        'export:library',
        { format: 'bibtex' },
        { onProgress: (p) => events.push(p) },
      );
      expect(out).toMatchObject({ format: 'bibtex', count: papers, filename: 'quire-library.bib' });
      expect(out.content.match(/^@\w+\{/gm)).toHaveLength(papers);
      expect(events.every((p) => p.phase === 'papers' && p.total === papers)).toBe(true);
      const done = events.map((p) => p.done);
      expect(done).toEqual([...done].sort((a, b) => a - b));
      expect(done.length).toBeGreaterThan(2);
      expect(events.at(-1)).toEqual({ phase: 'papers', done: papers, total: papers });
    });
  });
}
