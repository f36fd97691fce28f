// The notebook export job: the exporters' output is unchanged, every cell is reported as progress,
// and a cancel during the export ends it with `cancelled` before the next cell.
import { describe, expect, it } from 'vitest';
import type { Progress } from '@shared/api/contract';
import { QuireError } from '@shared/api/errors';
import { createDefaultRegistry } from '@shared/notebook/cells/index';
import { exportNotebook } from '@shared/notebook/export/index';
import { NOTEBOOK_EXPORT_FORMATS } from '@shared/notebook/export/formats';
import { sampleNotebook } from '@shared/notebook/sample';
import { exportNotebookJob } from './export-job';

const registry = createDefaultRegistry();
const nb = sampleNotebook();

describe('exportNotebookJob', () => {
  for (const format of NOTEBOOK_EXPORT_FORMATS) {
    it(`${format}: the same content as the exporter, with progress up to every cell`, async () => {
      const events: Progress[] = [];
      const content = await exportNotebookJob(
        nb,
        format,
        { registry },
        { signal: new AbortController().signal, onProgress: (p) => events.push(p) },
      );
      expect(content).toBe(exportNotebook(nb, format, { registry }));
      const total = nb.cells.length;
      expect(total).toBeGreaterThan(2);
      expect(events[0]).toEqual({ phase: 'cells', done: 0, total });
      expect(events.at(-1)).toEqual({ phase: 'cells', done: total, total });
      const done = events.map((p) => p.done);
      expect(done).toEqual([...done].sort((a, b) => a - b));
    });
  }

  it('a cancel after the first cell stops before the second, with `cancelled` and no content', async () => {
    const abort = new AbortController();
    const events: Progress[] = [];
    const outcome = await exportNotebookJob(
      nb,
      'html',
      { registry },
      {
        signal: abort.signal,
        onProgress: (p) => {
          events.push(p);
          if (p.done === 1) abort.abort();
        },
      },
    ).catch((err: unknown) => err);
    expect(outcome).toBeInstanceOf(QuireError);
    expect((outcome as QuireError).code).toBe('cancelled');
    expect(events.map((p) => p.done)).toEqual([0, 1]);
  });
});
