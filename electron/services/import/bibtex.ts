// BibTeX/BibLaTeX importer: our own reader (bibtex-syntax.ts) so that one broken entry cannot sink the file,
// `@string`/`@preamble`/`crossref` are honoured, verbatim fields stay verbatim and names follow the BibTeX rules.
//
// Until 2026-11 this used citation-js, which percent-encoded URLs (`%2f` → `%252f`, `<` → `%3C`), rejected
// unbraced macro arguments, lost math and crossref, and split "Chen, Zhao-qian" into "qian Zhao-Chen"
// (issue 12). citation-js's LaTeX tables are still used, by latex.ts.
import { errorMessage, QuireError } from '@shared/api/errors';
import { parseName, splitNameList, storedName } from '@shared/papers/names';
import type { Importer } from './types';
import {
  readEntry,
  readPreamble,
  readString,
  resolveCrossrefs,
  splitEntries,
  StringTable,
  type BibEntry,
  type Chunk,
} from './bibtex-syntax';
import { latexToUnicode, preambleMacros, type MacroTable } from './latex';
import { decodeEntities } from './entities';
import { cleanArxivId, Collector, splitTags, type RawDraft } from './limits';

export { splitEntries } from './bibtex-syntax';

function errorText(err: unknown): string {
  const msg = errorMessage(err);
  return msg.split('\n')[0]!.trim();
}

function where(c: Chunk): string {
  return c.label ? `entry ${c.label} (line ${c.line})` : `@${c.type} at line ${c.line}`;
}

/**
 * Verbatim fields (`url`, `doi`, `eprint`): never LaTeX-decoded nor percent-encoded. Only a backslash before
 * `_ % & # $ ~` goes: a URL cannot hold a backslash, and these are escapes old LaTeX url handling needed.
 */
function verbatim(v: string | undefined): string {
  return (v ?? '').replace(/\\([_%&#$~])/g, '$1').trim();
}

/** Stands in for an escaped `\&` while HTML entities are decoded (a private-use character). */
const ESCAPED_AMP = '\uE000';

/**
 * LaTeX to Unicode, then HTML entities once: web exporters HTML-escape text ("Ecology &amp; Society").
 * An escaped `\&` is a literal ampersand (our own export writes every `&` so), never an entity's start.
 */
function decodeText(v: string, macros: MacroTable, multiline = false): string {
  // Text that already holds the stand-in is left without entity decoding rather than altered.
  if (v.includes(ESCAPED_AMP)) return latexToUnicode(v, { macros, multiline });
  const latex = latexToUnicode(v.replace(/\\&/g, ESCAPED_AMP), { macros, multiline });
  return decodeEntities(latex).replaceAll(ESCAPED_AMP, '&');
}

/** The draft for one entry: names parsed raw (braces matter), other text fields decoded to Unicode. */
function toDraft(e: BibEntry, macros: MacroTable): RawDraft {
  const f = e.fields;
  const text = (...names: string[]): string => {
    for (const n of names) {
      const v = f.get(n);
      if (v !== undefined && v.trim()) return decodeText(v, macros);
    }
    return '';
  };
  const names = (raw: string | undefined): string[] =>
    splitNameList(raw ?? '').map((n) => {
      const p = parseName(n);
      const dec = (s: string): string => latexToUnicode(s, { macros }).replace(/\u00a0/g, ' ');
      return storedName({ first: dec(p.first), von: dec(p.von), last: dec(p.last), jr: dec(p.jr) });
    });
  const title = [text('title'), text('subtitle')].filter(Boolean).join(': ');
  const notes = ['note', 'annote']
    .map((k) => f.get(k))
    .filter((v): v is string => !!v && !!v.trim())
    .map((v) => decodeText(v, macros, true))
    .join('\n\n');
  let url = verbatim(f.get('url'));
  if (!url) {
    // @misc entries often carry their link as `howpublished = {\url{…}}`.
    const how = /\\url\s*\{([^{}]*)\}/.exec(f.get('howpublished') ?? '');
    if (how) url = verbatim(how[1]);
  }
  const eprint = verbatim(f.get('eprint'));
  const prefix = f.get('archiveprefix') ?? f.get('eprinttype') ?? '';
  const arxiv =
    (eprint && (/arxiv/i.test(prefix) || !prefix) ? cleanArxivId(eprint) : '') ||
    cleanArxivId(verbatim(f.get('arxiv') ?? f.get('arxivid')));
  return {
    title,
    abstract: text('abstract'),
    authors: names(f.get('author')),
    year: text('year') || text('date'),
    venue: text('journaltitle', 'journal', 'booktitle', 'maintitle', 'eventtitle'),
    doi: verbatim(f.get('doi')),
    arxivId: arxiv,
    url,
    notes,
    tags: splitTags(text('keywords')),
    // What tells volumes and editions of one work apart; `number` is BibTeX's issue.
    volume: text('volume'),
    issue: text('number', 'issue'),
    edition: text('edition'),
    pages: text('pages'),
  };
}

export const bibtexImporter: Importer = {
  format: 'bibtex',
  label: 'BibTeX',
  extensions: ['bib', 'bibtex', 'biblatex'],
  sniff(head) {
    return /^[ \t]*@[A-Za-z]+[ \t]*[{(][^,\n]*,/m.test(head);
  },
  async parse(text, ctx) {
    const chunks = splitEntries(text);
    const data = chunks.filter((c) => c.kind === 'data');
    if (data.length === 0) {
      throw new QuireError(
        'invalid_file',
        `${ctx.name} has no BibTeX entries (no "@article{…" or similar).`,
      );
    }
    const out = new Collector(ctx, data.length);
    const strings = new StringTable();
    const macros: MacroTable = new Map();
    for (const c of chunks) {
      if (c.kind !== 'string' && c.kind !== 'preamble') continue;
      if (!c.complete) {
        out.warn(`@${c.type} at line ${c.line} is cut off; ignored.`);
        continue;
      }
      try {
        if (c.kind === 'string') readString(c, strings);
        else preambleMacros(readPreamble(c, strings), macros);
      } catch (err) {
        out.warn(`@${c.type} at line ${c.line} could not be read (${errorText(err)}); ignored.`);
      }
    }
    // Read every entry before resolving crossref: a parent may come after its children.
    const read: { chunk: Chunk; entry: BibEntry | null; error?: string }[] = data.map((chunk) => {
      if (!chunk.complete) return { chunk, entry: null };
      try {
        return { chunk, entry: readEntry(chunk, strings) };
      } catch (err) {
        return { chunk, entry: null, error: errorText(err) };
      }
    });
    const missing = resolveCrossrefs(read.flatMap((r) => (r.entry ? [r.entry] : [])));
    for (const key of missing)
      out.warn(`crossref "${key}" is not in the file; its entries keep only their own fields.`);
    for (const { chunk, entry, error } of read) {
      if (!chunk.complete) {
        out.skip(where(chunk), 'entry is cut off (no closing brace): the file may be truncated');
      } else if (!entry) {
        out.skip(where(chunk), `could not parse: ${error ?? 'unknown error'}`);
      } else {
        for (const remark of entry.remarks) out.warn(`${where(chunk)}: ${remark}; read anyway.`);
        out.add(toDraft(entry, macros), where(chunk));
      }
    }
    if (strings.undefinedNames.size) {
      const names = [...strings.undefinedNames].slice(0, 10).join(', ');
      out.warn(`undefined @string macros were read as empty: ${names}.`);
    }
    return out.result();
  },
};
