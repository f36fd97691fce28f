// Library export as a job: papers are written in chunks with progress between them, and a cancel
// between chunks ends it with `cancelled` (nothing is returned, so nothing partial can be saved).
import type { Progress } from '@shared/api/contract';
import { throwIfCancelled } from '@shared/api/errors';
import type { ExportFormat, Paper } from '@shared/api/schemas';
import { bibtexEntry, citationKeys } from './bibtex';
import { toCslItems } from './csl-json';
import { csvRows } from './csv';
import { exportPapers, type ExportedFile } from './index';

/** Papers per chunk: small enough that a cancel or another call waits only a few milliseconds. */
export const EXPORT_CHUNK = 100;

/** Writes one chunk of a format; the chunks joined in order give exactly `exportPapers`' content. */
type ChunkWriter = (papers: Paper[], from: number) => string;

function chunkWriter(all: Paper[], format: ExportFormat): ChunkWriter {
  switch (format) {
    case 'bibtex': {
      // Keys are unique over the whole export, so they are chosen before the first chunk.
      const keys = citationKeys(all);
      return (papers, from) =>
        papers
          .map((p, i) => (from + i > 0 ? '\n' : '') + bibtexEntry(p, keys[from + i] as string))
          .join('');
    }
    case 'csv':
      return (papers, from) => csvRows(papers, from === 0);
    case 'jsonl':
      return (papers) => papers.map((p) => `${JSON.stringify(p)}\n`).join('');
    case 'csl-json': {
      // JSON.stringify(items, null, 2) written item by item: each item indented one more level.
      const keys = citationKeys(all);
      return (papers, from) => {
        const items = toCslItems(papers, keys.slice(from, from + papers.length)).map(
          (item, i) =>
            (from + i > 0 ? ',\n' : '[\n') + JSON.stringify(item, null, 2).replace(/^/gm, '  '),
        );
        return items.join('') + (from + papers.length === all.length ? '\n]\n' : '');
      };
    }
  }
}

/** Lets pending I/O (a cancel message, another call) run between chunks. */
const yieldToLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * `exportPapers` as a job: progress `papers` (written / total) after every chunk; throws
 * `cancelled` at the first chunk boundary after `signal` fires.
 */
export async function exportPapersJob(
  papers: Paper[],
  format: ExportFormat,
  ctx: { signal: AbortSignal; onProgress(p: Progress): void },
  chunk = EXPORT_CHUNK,
): Promise<ExportedFile> {
  const { filename, mime } = exportPapers([], format);
  const write = chunkWriter(papers, format);
  const parts: string[] = [];
  ctx.onProgress({ phase: 'papers', done: 0, total: papers.length });
  for (let from = 0; from < papers.length; from += chunk) {
    throwIfCancelled(ctx.signal);
    parts.push(write(papers.slice(from, from + chunk), from));
    const done = Math.min(papers.length, from + chunk);
    ctx.onProgress({ phase: 'papers', done, total: papers.length });
    await yieldToLoop();
  }
  throwIfCancelled(ctx.signal);
  return { content: parts.join(''), filename, mime };
}
