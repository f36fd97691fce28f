// Ingest service: read a source, parse it, merge duplicates, and write whole papers in batches with
// progress and cancel. A failed import rolls the table back; a cancelled one keeps the batches written.
import { randomBytes } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { CallContext, Caller } from '@shared/api/contract';
import { QuireError, throwIfCancelled } from '@shared/api/errors';
import {
  MAX_IMPORT_BYTES,
  type ImportPreview,
  type ImportRequest,
  type ImportResult,
  type ImportSource,
  type Paper,
  type PaperDraft,
} from '@shared/api/schemas';
import { parseSource } from '../import';
import type { PaperStore } from '../library/store';
import { dedupe } from './dedupe';
import { libraryKeys } from './library-keys';
import { draftToPaper } from './draft-to-paper';
import { checkPathAccess } from './source-access';

/** Papers per LanceDB commit: each batch is all-or-nothing. */
export const BATCH_SIZE = 500;
const SHOWN_DUPLICATES = 50;

export function newPaperId(): string {
  return randomBytes(8).toString('base64url').replace(/[-_]/g, 'x');
}

async function readSourceBytes(
  source: ImportSource,
  caller: Caller | undefined,
  importDirs: readonly string[],
): Promise<{ bytes: Uint8Array; name: string }> {
  switch (source.kind) {
    case 'text':
      return { bytes: new TextEncoder().encode(source.text), name: source.name };
    case 'bytes':
      return { bytes: Buffer.from(source.base64, 'base64'), name: source.name };
    case 'path': {
      const name = basename(source.path);
      const path = await checkPathAccess(source.path, caller, importDirs);
      let info;
      try {
        info = await stat(path);
      } catch {
        throw new QuireError('invalid_file', `Cannot read ${source.path}: no such file.`);
      }
      if (!info.isFile()) throw new QuireError('invalid_file', `${source.path} is not a file.`);
      if (info.size > MAX_IMPORT_BYTES) {
        throw new QuireError(
          'invalid_file',
          `${name} is ${(info.size / 1e6).toFixed(1)} MB; imports are limited to ${MAX_IMPORT_BYTES / 1e6} MB.`,
        );
      }
      return { bytes: await readFile(path), name };
    }
  }
}

export class IngestService {
  /** `importDirs`: folders remote callers may import from by path (see source-access.ts). */
  constructor(
    private readonly store: PaperStore,
    private readonly importDirs: readonly string[] = [],
  ) {}

  private async analyse(req: ImportRequest, ctx: CallContext) {
    ctx.onProgress({ phase: 'read', done: 0, total: null });
    const { bytes, name } = await readSourceBytes(req.source, ctx.caller, this.importDirs);
    throwIfCancelled(ctx.signal);
    const parsed = await parseSource(bytes, name, req.format, {
      signal: ctx.signal,
      onProgress: ctx.onProgress,
    });
    throwIfCancelled(ctx.signal);
    ctx.onProgress({ phase: 'dedupe', done: 0, total: parsed.records.length });
    const outcome = dedupe(parsed.records, await libraryKeys(this.store, parsed.records), {
      keepSeparate: req.keepSeparate,
    });
    return { name, parsed, ...outcome };
  }

  async preview(req: ImportRequest, ctx: CallContext): Promise<ImportPreview> {
    const a = await this.analyse(req, ctx);
    return {
      format: a.parsed.format,
      total: a.parsed.records.length,
      newCount: a.fresh.length,
      duplicateCount: a.duplicates.length,
      duplicates: a.duplicates.slice(0, SHOWN_DUPLICATES),
      distinctCount: a.distinct.length,
      distinct: a.distinct.slice(0, SHOWN_DUPLICATES),
      skipped: a.parsed.skipped,
      warnings: a.parsed.warnings,
      sample: a.fresh.slice(0, 20),
    };
  }

  async run(req: ImportRequest, ctx: CallContext): Promise<ImportResult> {
    const a = await this.analyse(req, ctx);
    const before = await this.store.version();
    const now = Date.now();
    const toPaper = (d: PaperDraft, i: number): Paper => {
      // Distinct instants keep the file's order under the "Added" sort.
      return draftToPaper(d, newPaperId(), a.name, new Date(now + i).toISOString());
    };
    let imported = 0;
    let cancelled = false;
    try {
      await this.store.update(a.merged);
      const total = a.fresh.length;
      ctx.onProgress({ phase: 'write', done: 0, total });
      for (let i = 0; i < total; i += BATCH_SIZE) {
        if (ctx.signal.aborted) {
          cancelled = true;
          break;
        }
        const batch = a.fresh.slice(i, i + BATCH_SIZE).map((d, j) => toPaper(d, i + j));
        await this.store.add(batch);
        imported += batch.length;
        ctx.onProgress({ phase: 'write', done: imported, total });
      }
    } catch (err) {
      await this.store.rollbackTo(before);
      throw err;
    }
    if (imported > BATCH_SIZE) {
      ctx.onProgress({ phase: 'optimize', done: 0, total: null });
      await this.store.optimize();
    }
    return {
      format: a.parsed.format,
      imported,
      duplicateCount: a.duplicates.length,
      mergedCount: a.merged.length,
      duplicates: a.duplicates.slice(0, SHOWN_DUPLICATES),
      distinctCount: a.distinct.length,
      distinct: a.distinct.slice(0, SHOWN_DUPLICATES),
      skipped: a.parsed.skipped,
      warnings: a.parsed.warnings,
      cancelled,
    };
  }
}
