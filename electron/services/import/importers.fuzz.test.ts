// Seeded fuzz of every importer and of format detection: real-looking files, mutated (truncated,
// bytes flipped, huge runs, odd Unicode, deep nesting, formats spliced). Each parse returns drafts and
// skips or throws a QuireError with a message; never a raw TypeError/RangeError, never a hang.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { QuireError } from '@shared/api/errors';
import { IMPORT_FORMATS, type ImportFormat } from '@shared/api/schemas';
import { createRng, type Rng } from '@shared/graph/rng';
import { parseSource } from './index';

const SEED = Number(process.env.QUIRE_FUZZ_SEED ?? 9);
/** Mutants per sample file: 8 files × 40 = 320 parses, each input at most ~0.5 MB. */
const PER_FILE = 40;

const FIXTURES: [file: string, format: ImportFormat][] = [
  ['sample-feed.txt', 'feed'],
  ['sample.atom.xml', 'arxiv-atom'],
  ['sample.bib', 'bibtex'],
  ['sample.csl.json', 'csl-json'],
  ['sample.csv', 'csv'],
  ['sample.tsv', 'csv'],
  ['sample.jsonl', 'jsonl'],
  ['sample.ris', 'ris'],
];
const read = (f: string) => readFileSync(join(__dirname, 'fixtures', f), 'utf8');

const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[rng.int(xs.length)]!;

const RUN_UNITS = [
  ' ',
  '.',
  'a',
  '{',
  '}',
  '[',
  '"',
  '\\',
  ',',
  '\t',
  '\n',
  '%',
  '<sub>',
  '@a{',
  '-',
];
const ODD = [
  '\ud800',
  '\udfff',
  '\u202e',
  '\u0301\u0301',
  '\u0000',
  '\ufeff',
  '\r',
  '😀',
  '\u00a0',
];
const NESTS: [string, string][] = [
  ['[', ']'],
  ['{"a":', '}'],
  ['{', '}'],
  ['<entry>', '</entry>'],
  ['<title><![CDATA[', ']]></title>'],
];

/** One mutation of `text`; sizes are bounded so each parse ends quickly even when it is linear. */
function mutateText(rng: Rng, text: string): string {
  const at = rng.int(text.length + 1);
  switch (rng.int(8)) {
    case 0:
      return text.slice(0, at);
    case 1: {
      const unit = pick(rng, RUN_UNITS);
      return (
        text.slice(0, at) +
        unit.repeat(Math.ceil((10_000 + rng.int(190_000)) / unit.length)) +
        text.slice(at)
      );
    }
    case 2:
      return text.slice(0, at) + pick(rng, ODD).repeat(1 + rng.int(200)) + text.slice(at);
    case 3: {
      const [open, close] = pick(rng, NESTS);
      const depth = 100 + rng.int(20_000);
      return (
        text.slice(0, at) +
        open.repeat(depth) +
        'x' +
        close.repeat(rng.int(2) ? depth : 0) +
        text.slice(at)
      );
    }
    case 4:
      return text.repeat(2 + rng.int(300));
    case 5: {
      const other = read(pick(rng, FIXTURES)[0]);
      return text.slice(0, at) + other + text.slice(at);
    }
    case 6: {
      // Drop a slice from the middle: records lose their ends and starts.
      const end = at + rng.int(Math.max(1, text.length - at));
      return text.slice(0, at) + text.slice(end);
    }
    default:
      return text.slice(0, at) + text.slice(at).toUpperCase();
  }
}

/** Flips a few bytes of the UTF-8 encoding (broken multibyte sequences, NULs, high bytes). */
function flipBytes(rng: Rng, text: string): Uint8Array {
  const bytes = new TextEncoder().encode(text);
  for (let k = 1 + rng.int(8); k > 0 && bytes.length > 0; k--)
    bytes[rng.int(bytes.length)] = rng.int(256);
  return bytes;
}

type Outcome = 'parsed' | 'refused';

async function parseChecked(
  bytes: Uint8Array,
  name: string,
  format: ImportFormat | undefined,
): Promise<Outcome> {
  try {
    const out = await parseSource(bytes, name, format, {});
    expect(
      Array.isArray(out.records) && Array.isArray(out.skipped) && Array.isArray(out.warnings),
    ).toBe(true);
    expect(IMPORT_FORMATS).toContain(out.format);
    for (const r of out.records)
      expect(typeof r.title === 'string' && r.title.length > 0).toBe(true);
    for (const s of out.skipped)
      expect(typeof s.reason === 'string' && s.reason.length > 0).toBe(true);
    return 'parsed';
  } catch (err) {
    if (!(err instanceof QuireError))
      throw new Error(`${name} (${format ?? 'detect'}): raw ${String(err)}`, { cause: err });
    expect(err.message.length).toBeGreaterThan(5);
    return 'refused';
  }
}

describe('importer fuzz', () => {
  it.each(FIXTURES)(
    '%s: seeded mutants parse to drafts + skips or fail with a QuireError',
    async (file, format) => {
      const rng = createRng(SEED + file.length * 7919);
      const base = read(file);
      const tally = { parsed: 0, refused: 0 };
      for (let i = 0; i < PER_FILE; i++) {
        let text = mutateText(rng, base);
        if (rng.int(3) === 0) text = mutateText(rng, text.slice(0, 300_000));
        const bytes = rng.int(4) === 0 ? flipBytes(rng, text) : new TextEncoder().encode(text);
        // Declared format, detection by name and content, or a wrong format on purpose.
        const asked = pick(rng, [format, undefined, undefined, pick(rng, IMPORT_FORMATS)]);
        const name = asked === undefined && rng.int(2) ? 'pasted.txt' : file;
        tally[await parseChecked(bytes, name, asked)]++;
      }
      // Both outcomes occur, so the mutations are neither all harmless nor all fatal.
      expect(tally.parsed + tally.refused).toBe(PER_FILE);
      expect(tally.parsed).toBeGreaterThan(0);
    },
    120_000,
  );

  it('deeply nested JSON and XML are refused or parsed, never a stack overflow', async () => {
    const deepJson = `${'['.repeat(200_000)}${']'.repeat(200_000)}`;
    const deepXml = `<feed xmlns="http://www.w3.org/2005/Atom">${'<entry>'.repeat(50_000)}</feed>`;
    // Well-formed, so it passes the validator and reaches the parser's nesting limit.
    const wellFormedDeep = `<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>${'<b>'.repeat(20_000)}${'</b>'.repeat(20_000)}</title></entry></feed>`;
    for (const [text, name, format] of [
      [deepJson, 'deep.json', 'csl-json'],
      [deepJson, 'deep.jsonl', 'jsonl'],
      [deepJson, 'deep.json', undefined],
      [deepXml, 'deep.atom.xml', 'arxiv-atom'],
      [deepXml, 'deep.xml', undefined],
      [wellFormedDeep, 'deep.atom.xml', 'arxiv-atom'],
    ] as const) {
      await parseChecked(new TextEncoder().encode(text), name, format);
    }
  });
});
