// BibTeX parse throughput: the real-world fixtures (tests/fixtures/real-world/bibtex-*.bib, damaged one
// excepted) repeated with fresh keys and titles to a lab-sized file, parsed by the importer (no library).
// Run: npx tsx bench/import/bibtex.ts [copies]   — prints JSON.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseText } from '../../electron/services/import';

const DIR = resolve(import.meta.dirname, '..', '..', 'tests', 'fixtures', 'real-world');
const COPIES = Number(process.argv[2] ?? 500);

const base = readdirSync(DIR)
  .filter((f) => f.startsWith('bibtex-') && f.endsWith('.bib') && !f.includes('damaged'))
  .map((f) => readFileSync(join(DIR, f), 'utf8'))
  .join('\n');
const text = Array.from({ length: COPIES }, (_, i) =>
  base
    .replace(/@(\w+)\{([^,\s]+),/g, (m, type: string, key: string) =>
      /^(string|preamble|comment)$/i.test(type) ? m : `@${type}{${key}_${i},`,
    )
    .replace(/crossref(\s*)=(\s*)["{]([^"}]+)["}]/gi, `crossref$1=$2{$3_${i}}`)
    .replace(/title(\s*)=(\s*)\{/gi, `title$1=$2{${i} `),
).join('\n');

const t0 = performance.now();
const r = await parseText(text, 'bench.bib', undefined);
const ms = performance.now() - t0;
console.log(
  JSON.stringify({
    bench: 'import/bibtex',
    bytes: text.length,
    entries: r.records.length + r.skipped.length,
    records: r.records.length,
    skipped: r.skipped.length,
    ms: Math.round(ms),
    entriesPerSecond: Math.round(((r.records.length + r.skipped.length) / ms) * 1000),
  }),
);
