// Broken, hostile and huge inputs: each gives a clear error naming the problem or a clean skip.
import { describe, expect, it } from 'vitest';
import { QuireError } from '@shared/api/errors';
import { MAX_IMPORT_BYTES } from '@shared/api/schemas';
import type { ImportFormat } from '@shared/api/schemas';
import { parseSource, parseText } from './index';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

async function failure(
  bytes: Uint8Array,
  name: string,
  format?: ImportFormat,
): Promise<QuireError> {
  try {
    await parseSource(bytes, name, format, {});
  } catch (err) {
    expect(err).toBeInstanceOf(QuireError);
    return err as QuireError;
  }
  throw new Error(`expected ${name} to fail`);
}

describe('decoding', () => {
  it('refuses binary garbage with NULs', async () => {
    let seed = 42;
    const bytes = new Uint8Array(4096).map(() => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed & 0xff;
    });
    bytes[10] = 0;
    const err = await failure(bytes, 'photo.bib');
    expect(err.code).toBe('invalid_file');
    expect(err.message).toMatch(/^photo\.bib looks like a binary file, not text/);
  });

  it('refuses control-character soup without NULs', async () => {
    const bytes = new Uint8Array(2000).map((_, i) => 1 + (i % 8));
    const err = await failure(bytes, 'blob.txt');
    expect(err.message).toMatch(/binary file/);
  });

  it('decodes Latin-1 bytes as Windows-1252 with a warning naming it', async () => {
    // "Schrödinger" in ISO-8859-1: ö is the single byte 0xF6, which is invalid UTF-8.
    const head = enc('title,year\n');
    const body = Uint8Array.from(
      [...'Schr']
        .map((c) => c.charCodeAt(0))
        .concat(0xf6, ...[...'dinger Cats,1935\n'].map((c) => c.charCodeAt(0))),
    );
    const r = await parseSource(new Uint8Array([...head, ...body]), 'old.csv', undefined, {});
    expect(r.records[0]?.title).toBe('Schrödinger Cats');
    expect(r.records[0]?.year).toBe(1935);
    expect(r.warnings.join(' ')).toMatch(/old\.csv is not valid UTF-8; decoded it as Windows-1252/);
  });

  it('decodes UTF-16LE with a BOM', async () => {
    const text = 'TY  - JOUR\nTI  - Überraschung 量子\nER  - \n';
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes[0] = 0xff;
    bytes[1] = 0xfe;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      bytes[2 + 2 * i] = c & 0xff;
      bytes[3 + 2 * i] = c >> 8;
    }
    const r = await parseSource(bytes, 'win.ris', undefined, {});
    expect(r.records[0]?.title).toBe('Überraschung 量子');
    expect(r.warnings).toEqual([]);
  });

  it('strips a UTF-8 BOM', async () => {
    const r = await parseSource(
      new Uint8Array([0xef, 0xbb, 0xbf, ...enc('title\nBOM Paper\n')]),
      'x.csv',
      undefined,
      {},
    );
    expect(r.records[0]?.title).toBe('BOM Paper');
  });

  it('refuses empty and whitespace-only files', async () => {
    expect((await failure(new Uint8Array(0), 'empty.bib')).message).toBe('empty.bib is empty.');
    const ws = await failure(enc('  \n\t\r\n  '), 'blank.csv');
    expect(ws.code).toBe('invalid_file');
    expect(ws.message).toMatch(/^blank\.csv is empty/);
  });

  it('refuses files over the size limit before decoding', async () => {
    const err = await failure(new Uint8Array(MAX_IMPORT_BYTES + 1), 'huge.csv');
    expect(err.code).toBe('invalid_file');
    expect(err.message).toMatch(/huge\.csv is 50\.0 MB; the import limit is 50 MB/);
  });
});

describe('per-record limits', () => {
  it('skips a record with a 5 MB abstract and keeps the rest', async () => {
    const big = 'x'.repeat(5 * 1024 * 1024);
    const text = `${JSON.stringify({ title: 'Huge', abstract: big })}\n${JSON.stringify({ title: 'Small', abstract: 'ok' })}\n`;
    const r = await parseSource(enc(text), 'big.jsonl', undefined, {});
    expect(r.records.map((p) => p.title)).toEqual(['Small']);
    expect(r.skipped).toEqual([
      { at: 'line 1', reason: 'abstract is 5,242,880 characters (5.0 MB); the limit is 100,000' },
    ]);
  });

  it('skips an over-long title, cleans whitespace/controls, NFC-normalises and fixes years', async () => {
    const lines = [
      { title: 't'.repeat(2001) },
      {
        title: '  Cafe\u0301\u0007  \n\t Menus ',
        authors: ['A B', ' A  B ', 'a b', 'C D'],
        year: 999,
      },
      { title: 'Future', year: '2201' },
      { title: 'Ok', year: '2200-01-01' },
    ];
    const r = await parseText(lines.map((l) => JSON.stringify(l)).join('\n'), 'x.jsonl', undefined);
    expect(r.skipped).toEqual([
      { at: 'line 1', reason: 'title is 2,001 characters; the limit is 2,000' },
    ]);
    expect(r.records[0]).toMatchObject({
      title: 'Café Menus',
      authors: ['A B', 'C D'],
      year: null,
    });
    expect(r.records[0]?.title).toBe('Caf\u00e9 Menus');
    expect(r.records[1]?.year).toBeNull();
    expect(r.records[2]?.year).toBe(2200);
  });
});

describe('bibtex damage', () => {
  const good = '@article{good1,\n  title = {Intact Entry},\n  year = {2020}\n}\n';
  it('skips an entry cut off at the end of the file, naming it and its line', async () => {
    const text = `${good}\n@inproceedings{cut2021,\n  title = {Half a Rec`;
    const r = await parseSource(enc(text), 'cut.bib', undefined, {});
    expect(r.records.map((p) => p.title)).toEqual(['Intact Entry']);
    expect(r.skipped).toEqual([
      {
        at: 'entry cut2021 (line 6)',
        reason: 'entry is cut off (no closing brace): the file may be truncated',
      },
    ]);
  });

  it('skips an unclosed entry followed by a good one', async () => {
    const text = `@article{open1,\n  title = {Never closed,\n  year = 2019,\n${good}`;
    const r = await parseSource(enc(text), 'mid.bib', undefined, {});
    expect(r.records.map((p) => p.title)).toEqual(['Intact Entry']);
    expect(r.skipped[0]?.at).toBe('entry open1 (line 1)');
  });

  it('skips an entry the parser rejects and names it', async () => {
    const text = `@article{bad1,\n  title = {Fine} junk = = {x}\n}\n${good}`;
    const r = await parseSource(enc(text), 'syntax.bib', undefined, {});
    expect(r.records.map((p) => p.title)).toEqual(['Intact Entry']);
    expect(r.skipped[0]?.at).toBe('entry bad1 (line 1)');
    expect(r.skipped[0]?.reason).toMatch(/^could not parse: /);
  });

  it('refuses a .bib with no entries', async () => {
    const err = await failure(enc('just some words\n'), 'none.bib');
    expect(err.message).toMatch(/none\.bib has no BibTeX entries/);
  });
});

describe('other malformed sources', () => {
  it('skips bad JSON lines with the line number and the JSON error', async () => {
    const r = await parseText('{"title":"A"}\n{"title": "B",\nnot json\n', 'x.jsonl', undefined);
    expect(r.records).toHaveLength(1);
    expect(r.skipped.map((s) => s.reason.split(':')[0])).toEqual(['line 2', 'line 3']);
  });

  it('refuses a CSV without a title column, listing the columns it found', async () => {
    const err = await failure(enc('name,year,doi\nA,2000,10.1/x\n'), 'nope.csv');
    expect(err.code).toBe('invalid_file');
    expect(err.message).toBe(
      'nope.csv has no "title" column (columns found: "name", "year", "doi").',
    );
  });

  it('refuses malformed XML with the parser line', async () => {
    const xml =
      '<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom">\n<entry>\n<title>Open</entry>\n</feed>\n';
    const err = await failure(enc(xml), 'broken.atom');
    expect(err.code).toBe('invalid_file');
    expect(err.message).toMatch(/^broken\.atom is not well-formed XML \(line 4: .+\)\.$/);
  });

  it('refuses invalid CSL-JSON', async () => {
    const err = await failure(enc('[{"title": "x",]'), 'bad.json');
    expect(err.message).toMatch(/^bad\.json is not valid JSON: /);
  });

  it('skips an RIS record cut off before ER', async () => {
    const r = await parseText(
      'TY  - JOUR\nTI  - Whole\nER  - \nTY  - JOUR\nTI  - Cut',
      'x.ris',
      undefined,
    );
    expect(r.records.map((p) => p.title)).toEqual(['Whole']);
    expect(r.skipped).toEqual([
      {
        at: 'record 2 (line 4)',
        reason: 'record is cut off (no "ER  -" line): the file may be truncated',
      },
    ]);
  });
});

describe('scale and cancel', () => {
  const rows = 10_000;
  it('parses 10k duplicate CSV rows and reports progress every 500', async () => {
    const text = `title,authors,year\n${'"Same Paper, Again",A B; C D,2020\n'.repeat(rows)}`;
    const seen: number[] = [];
    const r = await parseSource(enc(text), 'dups.csv', undefined, {
      onProgress: (p) => seen.push(p.done),
    });
    expect(r.records).toHaveLength(rows);
    expect(seen.filter((d) => d > 0 && d < rows)).toHaveLength(rows / 500 - 1);
  });

  it('parses 10k duplicate JSONL lines', async () => {
    const text = `${JSON.stringify({ title: 'Same', authors: ['A B'], year: 2020 })}\n`.repeat(
      rows,
    );
    const r = await parseSource(enc(text), 'dups.jsonl', undefined, {});
    expect(r.records).toHaveLength(rows);
  });

  it('parses 2k BibTeX entries', async () => {
    const text = Array.from(
      { length: 2000 },
      (_, i) => `@article{k${i},\n title={Paper {\\"o} ${i}},\n year={2001}\n}\n`,
    ).join('');
    const r = await parseSource(enc(text), 'many.bib', undefined, {});
    expect(r.records).toHaveLength(2000);
    expect(r.records[1999]?.title).toBe('Paper ö 1999');
  });

  it('stops with `cancelled` when the signal fires', async () => {
    const ac = new AbortController();
    const text = `title\n${'X\n'.repeat(rows)}`;
    const p = parseSource(enc(text), 'c.csv', undefined, {
      signal: ac.signal,
      onProgress: (pr) => {
        if (pr.done >= 1000) ac.abort();
      },
    });
    await expect(p).rejects.toMatchObject({ code: 'cancelled' });
  });
});
