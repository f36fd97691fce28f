// BibTeX/BibLaTeX importer: citation-js decodes LaTeX to Unicode; we split entries first so one broken entry cannot sink the file.
import { plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import { QuireError } from '../../../shared/api/errors';
import type { Importer } from './types';
import { cslToDraft, type CslItem } from './csl';
import { cleanArxivId, Collector } from './limits';

type RawEntry = { type: string; label: string; properties: Record<string, string | number> };

/** One `@type{…}` block of the file, found by brace counting before any real parsing. */
type Chunk = {
  kind: 'data' | 'string' | 'skip';
  type: string;
  label: string;
  line: number;
  text: string;
  /** False when the file ends (or a new entry starts) before the closing brace. */
  complete: boolean;
};

const ENTRY_START = /^[ \t]*@[A-Za-z]+[ \t]*[{(]/;

/** Splits BibTeX into entries; tolerant of junk between entries (BibTeX treats it as comment). */
export function splitEntries(text: string): Chunk[] {
  const chunks: Chunk[] = [];
  const n = text.length;
  let i = 0;
  let line = 1;
  while (i < n) {
    const at = text.indexOf('@', i);
    if (at < 0) break;
    for (let k = i; k < at; k++) if (text.charCodeAt(k) === 10) line++;
    const head = /^@[ \t]*([A-Za-z]+)[ \t\n]*([{(])/.exec(text.slice(at, at + 80));
    if (!head) {
      i = at + 1;
      continue;
    }
    const type = head[1]!.toLowerCase();
    const open = head[2]!;
    const close = open === '{' ? '}' : ')';
    const startLine = line;
    let depth = 0;
    let j = at + head[0].length;
    let complete = false;
    let cutAt = n;
    for (; j < n; j++) {
      const c = text[j];
      if (c === '\n') {
        line++;
        // A new entry at the start of a line while this one is still open: this one was cut off.
        if (ENTRY_START.test(text.slice(j + 1, j + 40))) {
          cutAt = j + 1;
          break;
        }
      } else if (c === '\\' && text[j + 1] !== '\n') {
        j++; // an escaped brace does not count
      } else if (c === '{') depth++;
      else if (c === '}' || c === ')') {
        if (c === close && depth === 0) {
          complete = true;
          break;
        }
        if (c === '}') depth--;
      }
    }
    const end = complete ? j + 1 : cutAt;
    const body = text.slice(at, end);
    const label =
      type === 'string' || type === 'preamble' || type === 'comment'
        ? ''
        : (/^@[^{(]*[{(]\s*([^,\s]*)/.exec(body)?.[1] ?? '');
    chunks.push({
      kind:
        type === 'string' ? 'string' : type === 'comment' || type === 'preamble' ? 'skip' : 'data',
      type,
      label,
      line: startLine,
      text: body,
      complete,
    });
    if (!complete && type === 'comment') {
      // `@comment` may legally be unbraced text to the end of the line.
      chunks[chunks.length - 1]!.complete = true;
    }
    i = end;
  }
  return chunks;
}

function chain<T>(input: unknown, target: string): T {
  return plugins.input.chain(input, { target, generateGraph: false }) as T;
}

/** citation-js turns `\~{}` and `\^{}` into "undefined" + a combining mark; spell them out first. */
function patchLatex(s: string): string {
  return s.replace(/\\~\{\}/g, '\\textasciitilde{}').replace(/\\\^\{\}/g, '\\textasciicircum{}');
}

/** citation-js writes rich text (italics, sub/superscripts) as HTML tags in CSL strings. */
function stripMarkup(csl: string | undefined, raw: unknown): string | undefined {
  if (!csl || (typeof raw === 'string' && raw.includes('<'))) return csl;
  // Formatting tags go first so sub/superscripts can match `[^<]*`: a lazy `.*?` or `[^>]*` rescans
  // to the line's end from every unclosed tag, which is quadratic on hostile input.
  return csl
    .replace(/<\/?(?:i|b|sc|span)(?:\s[^<>]*)?>/g, '')
    .replace(/<sub>([^<]*)<\/sub>/g, '_$1')
    .replace(/<sup>([^<]*)<\/sup>/g, '^$1');
}

function errorText(err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  return msg.split('\n')[0]!.trim();
}

function where(c: Chunk): string {
  return c.label ? `entry ${c.label} (line ${c.line})` : `@${c.type} at line ${c.line}`;
}

export const bibtexImporter: Importer = {
  format: 'bibtex',
  label: 'BibTeX',
  extensions: ['bib', 'bibtex', 'biblatex'],
  sniff(head) {
    return /^[ \t]*@[A-Za-z]+[ \t]*[{(][^,\n]*,/m.test(head);
  },
  async parse(text, ctx) {
    const chunks = splitEntries(patchLatex(text));
    const data = chunks.filter((c) => c.kind === 'data');
    if (data.length === 0) {
      throw new QuireError(
        'invalid_file',
        `${ctx.name} has no BibTeX entries (no "@article{…" or similar).`,
      );
    }
    const out = new Collector(ctx, data.length);
    const strings = chunks
      .filter((c) => c.kind === 'string' && c.complete)
      .map((c) => c.text)
      .join('\n');
    for (const c of chunks) {
      if (c.kind === 'string' && !c.complete)
        out.warn(`@string at line ${c.line} is cut off; ignored.`);
    }
    const good = data.filter((c) => c.complete);
    // Fast path: the whole file at once; on a parse error, entry by entry to name the bad one.
    let parsed: { chunk: Chunk; entry: RawEntry | null; error?: string }[] | null = null;
    try {
      const entries = chain<RawEntry[]>(
        `${strings}\n${good.map((c) => c.text).join('\n')}`,
        '@biblatex/entries+list',
      );
      if (entries.length === good.length) {
        parsed = good.map((chunk, k) => ({ chunk, entry: entries[k]! }));
      }
    } catch {
      parsed = null;
    }
    if (!parsed) {
      parsed = good.map((chunk) => {
        try {
          const entries = chain<RawEntry[]>(`${strings}\n${chunk.text}`, '@biblatex/entries+list');
          return entries[0]
            ? { chunk, entry: entries[0] }
            : { chunk, entry: null, error: 'not a BibTeX entry' };
        } catch (err) {
          return { chunk, entry: null, error: errorText(err) };
        }
      });
    }
    const byChunk = new Map(parsed.map((p) => [p.chunk, p]));
    for (const chunk of data) {
      if (!chunk.complete) {
        out.skip(where(chunk), 'entry is cut off (no closing brace): the file may be truncated');
        continue;
      }
      const p = byChunk.get(chunk);
      if (!p?.entry) {
        out.skip(where(chunk), `could not parse: ${p?.error ?? 'unknown error'}`);
        continue;
      }
      let csl: CslItem;
      try {
        const items = chain<CslItem[]>([p.entry], '@csl/list+object');
        csl = items[0] ?? {};
      } catch (err) {
        out.skip(where(chunk), `could not convert: ${errorText(err)}`);
        continue;
      }
      const props = p.entry.properties;
      csl.title = stripMarkup(csl.title, props.title);
      csl.abstract = stripMarkup(csl.abstract, props.abstract);
      csl.note = stripMarkup(csl.note, props.note);
      const draft = cslToDraft(csl);
      const eprint = String(props.eprint ?? '');
      const prefix = String(props.archiveprefix ?? props.eprinttype ?? '');
      const arxiv =
        (eprint && (/arxiv/i.test(prefix) || !prefix) ? cleanArxivId(eprint) : '') ||
        cleanArxivId(String(props.arxiv ?? props.arxivid ?? ''));
      if (arxiv) draft.arxivId = arxiv;
      if (!draft.year && props.year !== undefined) draft.year = String(props.year);
      out.add(draft, where(chunk));
    }
    return out.result();
  },
};
