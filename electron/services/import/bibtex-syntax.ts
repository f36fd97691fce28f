// BibTeX syntax: split a file into `@type{…}` blocks, read each entry's fields (`{…}`, `"…"`, numbers,
// `@string` macros joined with `#`) into raw LaTeX strings, and resolve `crossref` by the BibLaTeX rules.

/** One `@type{…}` block of the file, found by brace counting before any real parsing. */
export type Chunk = {
  kind: 'data' | 'string' | 'preamble' | 'skip';
  type: string;
  label: string;
  line: number;
  text: string;
  /** False when the file ends (or a new entry starts) before the closing brace. */
  complete: boolean;
};

/** An entry with its fields as raw LaTeX (macros resolved), keys lower-cased. */
export type BibEntry = {
  type: string;
  key: string;
  fields: Map<string, string>;
  /** What was read despite a small syntax slip, for the import report. */
  remarks: string[];
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
    const special = type === 'string' || type === 'preamble' || type === 'comment';
    const label = special ? '' : (/^@[^{(]*[{(]\s*([^,\s]*)/.exec(body)?.[1] ?? '');
    chunks.push({
      kind:
        type === 'string'
          ? 'string'
          : type === 'preamble'
            ? 'preamble'
            : type === 'comment'
              ? 'skip'
              : 'data',
      type,
      label,
      line: startLine,
      text: body,
      // `@comment` may legally be unbraced text to the end of the line.
      complete: complete || type === 'comment',
    });
    i = end;
  }
  return chunks;
}

/** Month macros every BibTeX style defines. */
const PREDEFINED: Record<string, string> = {
  jan: 'January',
  feb: 'February',
  mar: 'March',
  apr: 'April',
  may: 'May',
  jun: 'June',
  jul: 'July',
  aug: 'August',
  sep: 'September',
  oct: 'October',
  nov: 'November',
  dec: 'December',
};

/** `@string` macros, resolved lazily so that order and self-reference cannot loop. */
export class StringTable {
  private readonly raw = new Map<string, Piece[]>();
  private readonly done = new Map<string, string>();
  private readonly busy = new Set<string>();
  /** Macros used but never defined, for one warning per name. */
  readonly undefinedNames = new Set<string>();

  define(name: string, value: Piece[]): void {
    const key = name.toLowerCase();
    this.raw.set(key, value);
    this.done.delete(key);
  }

  get(name: string): string {
    const key = name.toLowerCase();
    const hit = this.done.get(key);
    if (hit !== undefined) return hit;
    const pieces = this.raw.get(key);
    if (!pieces) {
      if (key in PREDEFINED) return PREDEFINED[key]!;
      this.undefinedNames.add(name);
      return '';
    }
    if (this.busy.has(key)) return '';
    this.busy.add(key);
    const value = this.join(pieces);
    this.busy.delete(key);
    this.done.set(key, value);
    return value;
  }

  join(pieces: Piece[]): string {
    return pieces.map((p) => (p.kind === 'macro' ? this.get(p.text) : p.text)).join('');
  }
}

type Piece = { kind: 'text' | 'macro'; text: string };

class SyntaxError_ extends Error {}

/** A cursor over one entry's text. */
class Reader {
  i = 0;
  constructor(readonly s: string) {}

  /** Remarks on what was read anyway (a missing comma). */
  readonly remarks: string[] = [];

  /** White space, and `%` comments between fields, which hand-kept files use and biber accepts. */
  ws(): void {
    for (;;) {
      while (this.i < this.s.length && /\s/.test(this.s[this.i]!)) this.i++;
      if (this.s[this.i] !== '%') return;
      const eol = this.s.indexOf('\n', this.i);
      this.i = eol < 0 ? this.s.length : eol + 1;
    }
  }

  /** A `{…}` group's inside; `\{` and `\}` do not count, as in `splitEntries`. */
  braced(): string {
    const start = ++this.i;
    let depth = 0;
    for (; this.i < this.s.length; this.i++) {
      const c = this.s[this.i];
      if (c === '\\') this.i++;
      else if (c === '{') depth++;
      else if (c === '}') {
        if (depth === 0) return this.s.slice(start, this.i++);
        depth--;
      }
    }
    throw new SyntaxError_('unbalanced braces in a field value');
  }

  quoted(): string {
    const start = ++this.i;
    let depth = 0;
    for (; this.i < this.s.length; this.i++) {
      const c = this.s[this.i];
      if (c === '\\') this.i++;
      else if (c === '{') depth++;
      else if (c === '}') depth--;
      else if (c === '"' && depth <= 0) return this.s.slice(start, this.i++);
    }
    throw new SyntaxError_('a quoted field value has no closing "');
  }

  /** `piece # piece # …` */
  value(field: string): Piece[] {
    const pieces: Piece[] = [];
    for (;;) {
      this.ws();
      const c = this.s[this.i];
      if (c === '{') pieces.push({ kind: 'text', text: this.braced() });
      else if (c === '"') pieces.push({ kind: 'text', text: this.quoted() });
      else {
        const m = /^[^\s"#%'(),={}]+/.exec(this.s.slice(this.i, this.i + 200));
        if (!m) throw new SyntaxError_(`field "${field}" has no value`);
        this.i += m[0].length;
        pieces.push(
          /^\d+$/.test(m[0]) ? { kind: 'text', text: m[0] } : { kind: 'macro', text: m[0] },
        );
      }
      this.ws();
      if (this.s[this.i] !== '#') return pieces;
      this.i++;
    }
  }

  /** `name = value, …` up to the closing delimiter; calls `onField` for each. */
  fields(close: string, onField: (name: string, value: Piece[]) => void): void {
    for (;;) {
      this.ws();
      while (this.s[this.i] === ',') {
        this.i++;
        this.ws();
      }
      if (this.i >= this.s.length || this.s[this.i] === close) return;
      const m = /^[^\s"#%'(),={}]+/.exec(this.s.slice(this.i, this.i + 200));
      if (!m) throw new SyntaxError_(`unexpected "${this.s[this.i]}" where a field name belongs`);
      this.i += m[0].length;
      this.ws();
      if (this.s[this.i] !== '=') throw new SyntaxError_(`expected "=" after "${m[0]}"`);
      this.i++;
      onField(m[0], this.value(m[0]));
      this.ws();
      const c = this.s[this.i];
      if (c !== ',' && c !== close && this.i < this.s.length) {
        // `title = {T}  year = 2000`: the next field is unmistakable, so read it and say so.
        if (/^[^\s"#%'(),={}]+\s*=/.test(this.s.slice(this.i, this.i + 200))) {
          this.remarks.push(
            `a comma is missing before field "${/^[^\s=]+/.exec(this.s.slice(this.i))![0]}"`,
          );
          continue;
        }
        throw new SyntaxError_(`expected "," or the end of the entry after field "${m[0]}"`);
      }
    }
  }
}

function openAndClose(text: string): { start: number; close: string } {
  const m = /^@[ \t]*[A-Za-z]+[ \t\n]*([{(])/.exec(text)!;
  return { start: m[0].length, close: m[1] === '{' ? '}' : ')' };
}

/** Reads `@string{name = value}` into the table. Throws with a message on bad syntax. */
export function readString(chunk: Chunk, table: StringTable): void {
  const { start, close } = openAndClose(chunk.text);
  const r = new Reader(chunk.text);
  r.i = start;
  r.fields(close, (name, value) => table.define(name, value));
}

/** The raw text of `@preamble{ "…" # "…" }`. */
export function readPreamble(chunk: Chunk, table: StringTable): string {
  const { start } = openAndClose(chunk.text);
  const r = new Reader(chunk.text);
  r.i = start;
  return table.join(r.value('preamble'));
}

/** Reads one data entry. Throws an Error naming the problem on bad syntax. */
export function readEntry(chunk: Chunk, table: StringTable): BibEntry {
  const { start, close } = openAndClose(chunk.text);
  const r = new Reader(chunk.text);
  r.i = start;
  r.ws();
  const key = /^[^,\s}]*/.exec(chunk.text.slice(r.i, r.i + 1000))![0];
  r.i += key.length;
  r.ws();
  const fields = new Map<string, string>();
  if (r.s[r.i] === ',') {
    r.fields(close, (name, value) => {
      const k = name.toLowerCase();
      // BibTeX keeps the first of a repeated field.
      if (!fields.has(k)) fields.set(k, table.join(value));
    });
  } else if (r.s[r.i] !== close) {
    throw new SyntaxError_('expected "," after the citation key');
  }
  return { type: chunk.type, key, fields, remarks: r.remarks };
}

// ---- crossref (BibLaTeX manual §2.4.1 and Appendix B) -------------------------------------------------

/** Fields never inherited: BibLaTeX's list, plus the child's own identity and the user's own text. */
const NOT_INHERITED = new Set([
  'ids',
  'crossref',
  'xref',
  'entryset',
  'entrysubtype',
  'execute',
  'label',
  'options',
  'presort',
  'related',
  'relatedoptions',
  'relatedstring',
  'relatedtype',
  'shorthand',
  'shorthandintro',
  'sortkey',
  // A chapter is not its book: the book's DOI, URL or arXiv id would make every chapter one paper.
  'doi',
  'url',
  'eprint',
  'eprinttype',
  'archiveprefix',
  'file',
  'pdf',
  'isbn',
  'abstract',
  'note',
  'annote',
  'annotation',
  'keywords',
  'pages',
]);

const BOOK_PARTS = new Set(['inbook', 'bookinbook', 'suppbook']);
const COLLECTION_PARTS = new Set(['incollection', 'inreference', 'suppcollection']);
const PROCEEDINGS_PARTS = new Set(['inproceedings', 'conference']);

/** Which parent types pass their title to which child types, and under what name. */
function titlePrefix(parent: string, child: string): 'book' | 'main' | 'journal' | null {
  if (/^mv(book|collection|reference|proceedings)$/.test(parent)) return 'main';
  if (parent === 'book' && BOOK_PARTS.has(child)) return 'book';
  if ((parent === 'collection' || parent === 'reference') && COLLECTION_PARTS.has(child))
    return 'book';
  if (parent === 'proceedings' && PROCEEDINGS_PARTS.has(child)) return 'book';
  if (parent === 'periodical' && (child === 'article' || child === 'suppperiodical'))
    return 'journal';
  // Classic BibTeX files cross-reference a @book from an @incollection or @inproceedings.
  if (
    (parent === 'book' || parent === 'proceedings' || parent === 'collection') &&
    child !== parent
  )
    return 'book';
  return null;
}

/**
 * Fills each entry's missing fields from its `crossref` parent (which may come later in the file, and may
 * itself have a parent). Returns the keys that were referred to but not found.
 */
export function resolveCrossrefs(entries: BibEntry[]): string[] {
  const byKey = new Map<string, BibEntry>();
  for (const e of entries) if (!byKey.has(e.key.toLowerCase())) byKey.set(e.key.toLowerCase(), e);
  const missing = new Set<string>();
  const resolved = new Set<BibEntry>();
  const resolve = (e: BibEntry, seen: Set<BibEntry>): void => {
    if (resolved.has(e)) return;
    resolved.add(e);
    const ref = e.fields.get('crossref')?.trim();
    if (!ref) return;
    const parent = byKey.get(ref.toLowerCase());
    if (!parent) {
      missing.add(ref);
      return;
    }
    if (seen.has(parent)) return; // a cycle: BibTeX would stop here too
    seen.add(parent);
    resolve(parent, seen);
    const prefix = titlePrefix(parent.type, e.type);
    const inherited = new Map<string, string>();
    for (const [k, v] of parent.fields) {
      if (NOT_INHERITED.has(k)) continue;
      if (prefix && /^(title|subtitle|titleaddon)$/.test(k)) {
        if (prefix === 'journal' && k === 'titleaddon') continue;
        inherited.set(prefix + k, v);
        continue;
      }
      if (prefix && /^(shorttitle|sorttitle|indextitle|indexsorttitle)$/.test(k)) continue;
      // The parent's own booktitle only when its title has not already given one.
      if (inherited.has(k)) continue;
      inherited.set(k, v);
    }
    if (parent.type === 'book' && BOOK_PARTS.has(e.type) && parent.fields.has('author')) {
      inherited.set('bookauthor', parent.fields.get('author')!);
    }
    for (const [k, v] of inherited) if (!e.fields.has(k)) e.fields.set(k, v);
  };
  for (const e of entries) resolve(e, new Set([e]));
  return [...missing];
}
