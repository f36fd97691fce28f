// LaTeX → Unicode for BibTeX field values: accents to precomposed letters (NFC), known text macros to their
// characters, formatting dropped, unknown macros kept readable, math kept as `$…$` TeX for KaTeX to render.
//
// The letter and symbol tables are citation-js's (plugin-bibtex's unicode.json); the scanner is ours because
// citation-js drops math delimiters (`$7\pm2$` → `7\pm2`), accents a dotless ı (`{\'\i}`), glues unknown
// macros to their argument (`\proglang{R}` → `\proglangR`) and rejects unbraced arguments
// (`{\textit Cataglyphis}`: "expected lbrace").
// The CommonJS module, not its unicode.json: a bare JSON import needs `with { type: 'json' }` once the
// main-process bundle leaves dependencies external, and tsx, vitest and vite all read CommonJS alike.
import bibtexConstants from '@citation-js/plugin-bibtex/lib/input/constants.js';

/** A macro defined in the file's `@preamble` with `\newcommand` or `\def`: body with `#1`…`#9`. */
export type Macro = { args: number; body: string };
export type MacroTable = Map<string, Macro>;

type Options = {
  /** User macros from `@preamble`. */
  macros?: MacroTable;
  /** Keep line breaks (notes); otherwise they are spaces like any other white space. */
  multiline?: boolean;
};

const DIACRITICS: Record<string, string> = bibtexConstants.diacritics;

const SYMBOLS: Record<string, string> = {
  ...Object.fromEntries(
    Object.entries(bibtexConstants.commands).filter(
      (e): e is [string, string] => typeof e[1] === 'string',
    ),
  ),
  AA: 'Å',
  aa: 'å',
  ldots: '…',
  dots: '…',
  textellipsis: '…',
  LaTeX: 'LaTeX',
  TeX: 'TeX',
  BibTeX: 'BibTeX',
  LaTeXe: 'LaTeX2ε',
  slash: '/',
  textslash: '/',
  nobreakspace: '\u00a0',
  quad: ' ',
  qquad: ' ',
  textperiodcentered: '·',
  S: '§',
  P: '¶',
  pounds: '£',
  euro: '€',
  textdegree: '°',
  textmu: 'µ',
};

/** Formatting commands whose one argument is kept as plain text (Quire stores plain text). */
const TEXT_ARG = new Set([
  'textit',
  'textsl',
  'emph',
  'textbf',
  'textsc',
  'textmd',
  'textrm',
  'textsf',
  'texttt',
  'textup',
  'textnormal',
  'mkbibitalic',
  'mkbibemph',
  'mkbibbold',
  'strong',
  'mbox',
  'hbox',
  'text',
  'nocase',
  'NoCaseChange',
  'uppercase',
  'lowercase',
  'MakeUppercase',
  'MakeLowercase',
  'underline',
]);

/** Declarations that change the font of the rest of their group: they produce nothing. */
const SWITCHES = new Set([
  'it',
  'itshape',
  'sl',
  'slshape',
  'em',
  'bf',
  'bfseries',
  'sc',
  'scshape',
  'rm',
  'sf',
  'tt',
  'upshape',
  'mdseries',
  'normalfont',
  'rmfamily',
  'sffamily',
  'ttfamily',
  'tiny',
  'scriptsize',
  'footnotesize',
  'small',
  'normalsize',
  'large',
  'Large',
  'LARGE',
  'huge',
  'Huge',
  'relax',
  'protect',
  'noindent',
  'unskip',
  'null',
  'hspace',
]);

/** An accent with nothing under it (`\~{}`, `\^{}`) is the accent character itself. */
const SPACING_ACCENTS: Record<string, string> = {
  '~': '~',
  '^': '^',
  "'": '´',
  '`': '`',
  '"': '¨',
  '=': '¯',
  '.': '˙',
};

/** Control symbols that stand for themselves. */
const ESCAPED = new Set(['&', '%', '$', '#', '_', '{', '}', '@']);

const MAX_DEPTH = 32;
const MAX_EXPANSIONS = 1_000;

/** Positions of matching braces, computed once so that no argument is rescanned (hostile input stays linear). */
function braceMatches(s: string): Int32Array {
  const match = new Int32Array(s.length).fill(-1);
  const stack: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '\\') i++;
    else if (c === '{') stack.push(i);
    else if (c === '}' && stack.length) {
      const open = stack.pop()!;
      match[open] = i;
      match[i] = open;
    }
  }
  return match;
}

class Decoder {
  private expansions = 0;
  /** Per text and delimiter, where a search for it last found nothing: later searches fail at once. */
  private readonly missing = new Map<string, { s: string; from: number }>();
  constructor(private readonly opts: Options) {}

  /** `s.indexOf(close, from)`, linear over a whole text even with thousands of unclosed `\(`. */
  private closeAfter(s: string, close: string, from: number): number {
    const miss = this.missing.get(close);
    if (miss && miss.s === s && from >= miss.from) return -1;
    const end = s.indexOf(close, from);
    if (end < 0) this.missing.set(close, { s, from });
    return end;
  }

  decode(s: string, depth = 0): string {
    if (depth > MAX_DEPTH) return s.replace(/[{}]/g, '');
    const match = braceMatches(s);
    let out = '';
    let i = 0;
    const n = s.length;
    /** The next argument: a braced group's inside, a control sequence, or one character. */
    const readArg = (): string => {
      while (i < n && /\s/.test(s[i]!)) i++;
      if (i >= n) return '';
      if (s[i] === '{' && match[i]! > i) {
        const inner = s.slice(i + 1, match[i]);
        i = match[i]! + 1;
        return inner;
      }
      if (s[i] === '\\') {
        const m = /^\\(?:[A-Za-z]+|.)/.exec(s.slice(i, i + 64));
        const tok = m ? m[0] : '\\';
        i += tok.length;
        // A nested accent takes its own argument: `\~\^e` is ễ.
        if (tok.slice(1) in DIACRITICS) return `${tok}{${readArg()}}`;
        return tok;
      }
      if (s[i] === '}') return '';
      const cp = s.codePointAt(i)!;
      const ch = String.fromCodePoint(cp);
      i += ch.length;
      return ch;
    };
    const peekGroup = (): boolean => {
      let k = i;
      while (k < n && (s[k] === ' ' || s[k] === '\t')) k++;
      return s[k] === '{';
    };
    while (i < n) {
      const c = s[i]!;
      if (c === '{' || c === '}') {
        i++; // groups protect case in BibTeX; in stored text they are transparent
      } else if (c === '$') {
        const dbl = s[i + 1] === '$';
        const open = dbl ? '$$' : '$';
        const end = this.closeAfter(s, open, i + open.length);
        if (end < 0) {
          out += '$';
          i++;
        } else {
          out += `$${s.slice(i + open.length, end).trim()}$`;
          i = end + open.length;
        }
      } else if (c === '\\') {
        const m = /^\\([A-Za-z]+|[\s\S]?)/.exec(s.slice(i, i + 64))!;
        const name = m[1]!;
        i += m[0].length;
        const isWord = /^[A-Za-z]/.test(name);
        // TeX skips the spaces after a control word.
        if (isWord) while (i < n && (s[i] === ' ' || s[i] === '\t' || s[i] === '\n')) i++;
        out += this.command(
          name,
          isWord,
          readArg,
          peekGroup,
          () => i,
          (k) => (i = k),
          s,
          depth,
        );
      } else if (c === '-' && s[i + 1] === '-') {
        const triple = s[i + 2] === '-';
        out += triple ? '—' : '–';
        i += triple ? 3 : 2;
      } else if ((c === '`' && s[i + 1] === '`') || (c === "'" && s[i + 1] === "'")) {
        out += c === '`' ? '“' : '”';
        i += 2;
      } else if (c === '~') {
        out += '\u00a0';
        i++;
      } else if (c === '\n' || c === '\r') {
        out += this.opts.multiline ? c : ' ';
        i++;
      } else {
        out += c;
        i++;
      }
    }
    return out;
  }

  private command(
    name: string,
    isWord: boolean,
    readArg: () => string,
    peekGroup: () => boolean,
    pos: () => number,
    setPos: (k: number) => void,
    s: string,
    depth: number,
  ): string {
    const user = this.opts.macros?.get(name);
    if (user && this.expansions < MAX_EXPANSIONS) {
      this.expansions++;
      const args: string[] = [];
      for (let k = 0; k < user.args; k++) args.push(readArg());
      const body = user.body.replace(/#([1-9])/g, (_, d: string) => args[Number(d) - 1] ?? '');
      return this.decode(body, depth + 1);
    }
    if (name in DIACRITICS) {
      const arg = readArg();
      // `\i` and `\j` are dotless only so that an accent can sit on them: accent the plain letter.
      const base = this.decode(arg, depth + 1)
        .replace(/^ı/, 'i')
        .replace(/^ȷ/, 'j');
      const mark = DIACRITICS[name]!;
      if (!base) return SPACING_ACCENTS[name] ?? mark;
      const first = String.fromCodePoint(base.codePointAt(0)!);
      return `${first}${mark}${base.slice(first.length)}`.normalize('NFC');
    }
    if (name in SYMBOLS) return SYMBOLS[name]!;
    if (!isWord) {
      if (ESCAPED.has(name)) return name === '@' ? '' : name;
      if (name === '\\') return this.opts.multiline ? '\n' : ' ';
      if (name === '(' || name === '[') {
        const close = name === '(' ? '\\)' : '\\]';
        const at = pos();
        const end = this.closeAfter(s, close, at);
        if (end < 0) return name; // unclosed: keep the bracket, lose nothing readable
        setPos(end + 2);
        return `$${s.slice(at, end).trim()}$`;
      }
      if (name === ',' || name === ';' || name === ':' || name === ' ' || name === '\n') return ' ';
      if (name === '-' || name === '/' || name === '') return '';
      return name;
    }
    if (TEXT_ARG.has(name)) return this.decode(readArg(), depth + 1);
    if (SWITCHES.has(name)) {
      if (name === 'hspace') readArg();
      return '';
    }
    switch (name) {
      case 'textsuperscript':
        return `^${this.decode(readArg(), depth + 1)}`;
      case 'textsubscript':
        return `_${this.decode(readArg(), depth + 1)}`;
      case 'enquote':
      case 'mkbibquote':
        return `“${this.decode(readArg(), depth + 1)}”`;
      case 'ensuremath':
        return `$${readArg().trim()}$`;
      case 'url':
      case 'path':
      case 'doi':
        return readArg();
      case 'href': {
        readArg();
        return this.decode(readArg(), depth + 1);
      }
      case 'noopsort':
      case 'SortNoop':
      case 'sortnoop':
      case 'NOOP':
        // The classic BibTeX trick `\newcommand{\noopsort}[1]{}`: sorts by an argument never shown.
        readArg();
        return '';
    }
    // An unknown macro: with an argument, keep the argument (`\proglang{R}` → `R`); alone, keep it as written.
    return peekGroup() ? '' : `\\${name}${/[A-Za-z]/.test(s[pos()] ?? '') ? ' ' : ''}`;
  }
}

/** Decodes one BibTeX field value (braces, LaTeX macros, ligatures) to Unicode text in NFC. */
export function latexToUnicode(s: string, opts: Options = {}): string {
  if (!/[\\{}$~`'\n\r-]/.test(s)) return s.normalize('NFC');
  return new Decoder(opts).decode(s).normalize('NFC');
}

/**
 * Macro definitions in `@preamble` text: `\newcommand{\x}[1]{…}`, `\providecommand`, `\renewcommand`,
 * `\DeclareRobustCommand` and `\def\x{…}` (no parameters).
 */
export function preambleMacros(preamble: string, into: MacroTable = new Map()): MacroTable {
  const match = braceMatches(preamble);
  const re =
    /\\(?:(?:new|renew|provide)command\*?|DeclareRobustCommand\*?)\s*(?:\{\s*\\([A-Za-z]+)\s*\}|\\([A-Za-z]+))\s*(?:\[(\d)\])?\s*(?:\[[^\]]*\])?\s*\{|\\def\s*\\([A-Za-z]+)\s*\{/g;
  for (let m = re.exec(preamble); m; m = re.exec(preamble)) {
    const open = m.index + m[0].length - 1;
    const close = match[open]!;
    if (close < 0) continue;
    const name = m[1] ?? m[2] ?? m[4]!;
    into.set(name, { args: Number(m[3] ?? 0), body: preamble.slice(open + 1, close) });
    re.lastIndex = close + 1;
  }
  return into;
}
