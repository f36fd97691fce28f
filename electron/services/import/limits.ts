// Per-record limits and clean-up, applied in one place for every importer, plus progress and cancel.
import { throwIfCancelled } from '@shared/api/errors';
import { toWellFormed, type PaperDraft, type SkippedRecord } from '@shared/api/schemas';
import { normaliseArxivId, stripTrailing } from '@shared/papers/identity';
import type { ParseContext, ParseOutcome } from './types';

/** Longest title accepted; longer "titles" are nearly always a mis-split abstract. */
export const MAX_TITLE_CHARS = 2_000;
/** Longest abstract accepted: ~15 pages of text, far above any real abstract. */
export const MAX_ABSTRACT_CHARS = 100_000;
/** Longest tag (matches TagSchema in shared/api/schemas). */
export const MAX_TAG_CHARS = 100;
export const MIN_YEAR = 1000;
export const MAX_YEAR = 2200;
/** Format detection looks at this many leading characters of the text. */
export const SNIFF_BYTES = 8192;
/** Progress and cancel checks happen once per this many records. */
export const PROGRESS_EVERY = 500;

/** What an importer hands to the collector: every field optional and loosely typed. */
export type RawDraft = {
  title?: string | null;
  abstract?: string | null;
  authors?: (string | null | undefined)[] | null;
  year?: number | string | null;
  venue?: string | null;
  doi?: string | null;
  arxivId?: string | null;
  url?: string | null;
  notes?: string | null;
  tags?: (string | null | undefined)[] | null;
  /** They tell same-title works apart, and are stored (see PaperDraftSchema). */
  volume?: string | number | null;
  issue?: string | number | null;
  edition?: string | number | null;
  pages?: string | number | null;
};

const fmt = (n: number): string => n.toLocaleString('en-US');

// C0/C1 controls except tab and line feed; they come from copy-paste and broken encodings.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b\ufeff]/g;

/** NFC, controls stripped, all whitespace runs collapsed to one space, trimmed. */
export function cleanLine(s: string | null | undefined): string {
  if (!s) return '';
  return toWellFormed(s).normalize('NFC').replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();
}

/** Like cleanLine but keeps paragraph breaks (for user notes). */
export function cleanMultiline(s: string | null | undefined): string {
  if (!s) return '';
  return toWellFormed(s)
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(CONTROL, ' ')
    .split('\n')
    .map((l) => l.replace(/[^\S\n]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** The `10.xxxx/...` part of a DOI or doi.org URL, case kept (DOIs compare case-insensitively). */
export function cleanDoi(raw: string | null | undefined): string {
  if (!raw) return '';
  const m = /10\.\d{4,9}\/\S+/i.exec(decodeURIComponentSafe(toWellFormed(raw.trim())));
  return m ? stripTrailing(m[0], '.,;') : '';
}

/** arXiv id without prefix, URL or version: `arXiv:2001.08361v2` → `2001.08361`. */
export function cleanArxivId(raw: string | null | undefined): string {
  return raw ? normaliseArxivId(raw) : '';
}

/** Year in [MIN_YEAR, MAX_YEAR] from a number or any text holding a four-digit year; else null. */
export function cleanYear(raw: number | string | null | undefined): number | null {
  let y: number | null = null;
  if (typeof raw === 'number') y = Number.isInteger(raw) ? raw : null;
  else if (typeof raw === 'string') {
    const m = /(?<!\d)(\d{4})(?!\d)/.exec(raw);
    y = m ? Number(m[1]) : null;
  }
  return y !== null && y >= MIN_YEAR && y <= MAX_YEAR ? y : null;
}

/** Splits an author list written as "A; B" or "A and B". */
export function splitAuthors(s: string): string[] {
  // Whitespace is collapsed first: `/\s+and\s+/` rescans a long blank run from each of its
  // characters (quadratic; a 1 MB run never finished).
  const parts = s.includes(';') ? s.split(';') : s.replace(/\s+/g, ' ').split(/ and /i);
  return parts.map((p) => p.trim()).filter(Boolean);
}

/** Splits a tag/keyword list on commas or semicolons. */
export function splitTags(s: string): string[] {
  return s
    .split(/[,;]/)
    .map((p) => p.trim())
    .filter(Boolean);
}

function decodeURIComponentSafe(s: string): string {
  if (!s.includes('%')) return s;
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function uniqueClean(items: (string | null | undefined)[] | null | undefined): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const item of items ?? []) {
    const v = cleanLine(item);
    const key = v.toLowerCase();
    if (!v || seen.has(key)) continue;
    seen.add(key);
    out.push(v);
  }
  return out;
}

/** Applies the limits to one record: a clean draft, or the reason it was skipped. */
export function finishDraft(raw: RawDraft): { draft: PaperDraft } | { reason: string } {
  const title = cleanLine(raw.title);
  if (!title) return { reason: 'no title' };
  if (title.length > MAX_TITLE_CHARS) {
    return {
      reason: `title is ${fmt(title.length)} characters; the limit is ${fmt(MAX_TITLE_CHARS)}`,
    };
  }
  // Measure before cleaning so a 5 MB abstract is refused without copying it around.
  const rawAbstract = raw.abstract ?? '';
  if (rawAbstract.length > MAX_ABSTRACT_CHARS * 2) {
    return { reason: abstractTooLong(rawAbstract.length) };
  }
  const abstract = cleanLine(rawAbstract);
  if (abstract.length > MAX_ABSTRACT_CHARS) return { reason: abstractTooLong(abstract.length) };
  const doi = cleanDoi(raw.doi);
  let arxivId = cleanArxivId(raw.arxivId);
  // arXiv's own DOIs (10.48550/arXiv.ID) carry the id; use it when none was given.
  if (!arxivId && /^10\.48550\/arxiv\./i.test(doi)) arxivId = cleanArxivId(doi.slice(15));
  const tags = uniqueClean(
    (raw.tags ?? []).map((t) => (t ?? '').replace(/[\t\n\r,]+/g, ' ')),
  ).filter((t) => t.length <= MAX_TAG_CHARS);
  return {
    draft: {
      title,
      abstract,
      authors: uniqueClean(raw.authors),
      year: cleanYear(raw.year),
      venue: cleanLine(raw.venue),
      doi,
      arxivId,
      url: cleanLine(raw.url).replace(/\s/g, ''),
      notes: cleanMultiline(raw.notes),
      tags,
      ...workDetails(raw),
    },
  };
}

/** Volume, issue, edition and pages, only those the source gave (the draft stays small otherwise). */
function workDetails(raw: RawDraft): Pick<PaperDraft, 'volume' | 'issue' | 'edition' | 'pages'> {
  const out: Pick<PaperDraft, 'volume' | 'issue' | 'edition' | 'pages'> = {};
  for (const k of ['volume', 'issue', 'edition', 'pages'] as const) {
    const v = raw[k];
    const clean = cleanLine(v == null ? '' : String(v)).slice(0, 100);
    if (clean) out[k] = clean;
  }
  return out;
}

function abstractTooLong(chars: number): string {
  return `abstract is ${fmt(chars)} characters (${(chars / 1024 / 1024).toFixed(1)} MB); the limit is ${fmt(MAX_ABSTRACT_CHARS)}`;
}

/**
 * Gathers an importer's records: applies the limits, records skips, reports progress every
 * PROGRESS_EVERY records and throws `cancelled` when the signal fires.
 */
export class Collector {
  private readonly records: PaperDraft[] = [];
  private readonly skipped: SkippedRecord[] = [];
  private readonly warnings: string[] = [];
  private seen = 0;

  constructor(
    private readonly ctx: ParseContext,
    /** Expected number of records, when the importer knows it. */
    private readonly total: number | null = null,
  ) {
    ctx.onProgress?.({ phase: 'parse', done: 0, total });
  }

  add(raw: RawDraft, at: string): void {
    const r = finishDraft(raw);
    if ('draft' in r) this.records.push(r.draft);
    else this.skipped.push({ at, reason: r.reason });
    this.tick();
  }

  skip(at: string, reason: string): void {
    this.skipped.push({ at, reason });
    this.tick();
  }

  warn(message: string): void {
    this.warnings.push(message);
  }

  private tick(): void {
    this.seen++;
    if (this.seen % PROGRESS_EVERY === 0) {
      throwIfCancelled(this.ctx.signal);
      this.ctx.onProgress?.({ phase: 'parse', done: this.seen, total: this.total });
    }
  }

  result(): ParseOutcome {
    throwIfCancelled(this.ctx.signal);
    this.ctx.onProgress?.({ phase: 'parse', done: this.seen, total: this.total ?? this.seen });
    return { records: this.records, skipped: this.skipped, warnings: this.warnings };
  }
}
