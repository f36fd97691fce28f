// Import parsing entry point: decode bytes, detect the format, run the importer. No storage here.
import { QuireError, throwIfCancelled } from '@shared/api/errors';
import type { Progress } from '@shared/api/contract';
import type { ImportFormat } from '@shared/api/schemas';
import type { Importer, ParseOutcome } from './types';
import { decodeBytes } from './decode';
import { SNIFF_BYTES } from './limits';
import { arxivAtomImporter } from './arxiv-atom';
import { bibtexImporter } from './bibtex';
import { cslJsonImporter } from './csl-json';
import { csvImporter } from './csv';
import { feedImporter } from './feed';
import { jsonlImporter } from './jsonl';
import { risImporter } from './ris';

export type { Importer, ParseContext, ParseOutcome } from './types';
export { decodeBytes } from './decode';
export { MAX_ABSTRACT_CHARS, MAX_TITLE_CHARS } from './limits';

/** In sniffing order: the most distinctive formats first, free-form feed text last. */
export const IMPORTERS: Importer[] = [
  bibtexImporter,
  risImporter,
  arxivAtomImporter,
  jsonlImporter,
  cslJsonImporter,
  csvImporter,
  feedImporter,
];

export type SourceContext = { signal?: AbortSignal; onProgress?: (p: Progress) => void };
export type ParsedSource = ParseOutcome & { format: ImportFormat };

/** Extensions that say nothing reliable about the content (pasted text, generic XML/JSON). */
const AMBIGUOUS = new Set(['txt', 'text', '']);

export function importerFor(format: ImportFormat): Importer {
  const imp = IMPORTERS.find((i) => i.format === format);
  if (!imp) throw new QuireError('invalid_input', `Unknown import format "${format}".`);
  return imp;
}

export function supportedFormats(): string {
  return IMPORTERS.map((i) => `${i.label} (${i.extensions.map((e) => `.${e}`).join(', ')})`).join(
    ', ',
  );
}

/** Explicit format > file extension > content sniffing. */
export function detectFormat(text: string, name: string, format?: ImportFormat): ImportFormat {
  if (format) return format;
  const ext = /\.([^./\\]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';
  const head = text.slice(0, SNIFF_BYTES);
  if (!AMBIGUOUS.has(ext)) {
    const byExt = IMPORTERS.filter((i) => i.extensions.includes(ext));
    // `.json` may hold JSON Lines too.
    if (ext === 'json' && jsonlImporter.sniff(head) && looksLikeJsonLines(text)) return 'jsonl';
    if (byExt.length === 1) return byExt[0]!.format;
    if (byExt.length > 1) return (byExt.find((i) => i.sniff(head)) ?? byExt[0]!).format;
  }
  const sniffed = IMPORTERS.find((i) => i.sniff(head));
  if (sniffed) return sniffed.format;
  throw new QuireError(
    'invalid_file',
    `Could not tell the format of ${name}: choose it under Format (--format in the CLI). Supported formats: ${supportedFormats()}.`,
  );
}

/** Two or more non-empty lines that each start with "{": JSON Lines, not one JSON document. */
function looksLikeJsonLines(text: string): boolean {
  const lines = text
    .slice(0, 65536)
    .split('\n')
    .filter((l) => l.trim());
  return lines.length >= 2 && lines.slice(0, 2).every((l) => l.trimStart().startsWith('{"'));
}

/** Parses already-decoded text (pasted text, tests). */
export async function parseText(
  text: string,
  name: string,
  format: ImportFormat | undefined,
  ctx: SourceContext = {},
): Promise<ParsedSource> {
  throwIfCancelled(ctx.signal);
  const clean = text.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n');
  if (clean.trim() === '') throw new QuireError('invalid_file', `${name} is empty.`);
  const detected = detectFormat(clean, name, format);
  const outcome = await importerFor(detected).parse(clean, { name, ...ctx });
  return { ...outcome, format: detected };
}

/**
 * Decodes and parses an import source. Throws `invalid_file` (unreadable, empty, binary, too
 * large, unknown format) or `cancelled`; record-level problems are in `skipped`.
 */
export async function parseSource(
  bytes: Uint8Array,
  name: string,
  format: ImportFormat | undefined,
  ctx: SourceContext = {},
): Promise<ParsedSource> {
  throwIfCancelled(ctx.signal);
  const decoded = decodeBytes(bytes, name);
  const parsed = await parseText(decoded.text, name, format, ctx);
  return { ...parsed, warnings: [...decoded.warnings, ...parsed.warnings] };
}
