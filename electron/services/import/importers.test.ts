// Each importer on its hand-written fixture: fields mapped right, odd Unicode intact, skips reported.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectFormat, parseSource } from './index';

const fixture = (name: string): Uint8Array => readFileSync(resolve(__dirname, 'fixtures', name));
const parse = (name: string) => parseSource(fixture(name), name, undefined, {});

describe('bibtex importer', () => {
  it('decodes LaTeX, maps fields and skips an entry without a title', async () => {
    const r = await parse('sample.bib');
    expect(r.format).toBe('bibtex');
    expect(r.records).toHaveLength(2);
    const [a, b] = r.records;
    expect(a).toEqual({
      // Math stays TeX, for KaTeX to render (issue 12).
      title: "Quantum Kitchens: Schrödinger's Soufflé and $\\alpha$-Stable Recipes",
      abstract:
        'We cook with été ingredients, 量子 flavours and 🍜 noodles; costs fall 50% & taste rises.',
      authors: ['Jürgen Müller', 'Françoise Dupont', 'Open Cooking Consortium'],
      year: 2021,
      venue: 'Journal of Fictional Scaling',
      doi: '10.5555/QK.2021.001',
      arxivId: '2104.01234',
      url: 'https://example.org/qk_2021?x=1%202',
      notes: 'Read twice.',
      tags: ['cooking', 'quantum', 'soufflé'],
    });
    expect(b?.title).toBe('Graph Gardens of Tokyo');
    expect(b?.authors).toEqual(['Hiroshi Tanaka', '小龙 李']);
    expect(b?.venue).toBe('Proceedings of the Imaginary Conference on Networks');
    expect(b?.year).toBe(2019);
    expect(r.skipped).toEqual([{ at: 'entry notitle2020 (line 25)', reason: 'no title' }]);
  });
});

describe('ris importer', () => {
  it('maps tags, joins continuation lines and dedupes authors', async () => {
    const r = await parse('sample.ris');
    expect(r.format).toBe('ris');
    expect(r.records).toHaveLength(2);
    expect(r.records[0]).toEqual({
      title: 'Ergodic Teapots and the Ünïcode Problem',
      abstract: 'Teapots mix tea ergodically; we prove it for every pot shape, even 🫖 ones.',
      authors: ['Chidi Okafor', 'Elena García-Márquez'],
      year: 2018,
      venue: 'Annals of Imaginary Physics',
      doi: '10.5555/teapot.42',
      arxivId: '1805.04321',
      url: 'https://arxiv.org/abs/1805.04321',
      notes: 'Lent to a colleague.',
      tags: ['teapots', 'ergodicity'],
    });
    expect(r.records[1]).toMatchObject({
      title: 'Sparse Mixtures of Tiny Experts',
      authors: ['Anna Ivanova'],
      year: 2022,
      venue: 'Workshop on Small Things',
      abstract: 'Tiny experts route tokens.',
    });
  });
});

describe('csl-json importer', () => {
  it('maps CSL fields, finds the arXiv id and reports bad items', async () => {
    const r = await parse('sample.csl.json');
    expect(r.format).toBe('csl-json');
    expect(r.records).toEqual([
      {
        title: 'Élan Vital in Transformer Embeddings: 深層 Representations',
        abstract: 'Embeddings of $\\alpha$ particles 🚀 and café menus.',
        authors: ['Åsa Lindqvist', 'Ludwig van Oort', 'The Fictional Lab'],
        year: 2023,
        venue: 'arXiv',
        doi: '10.48550/arXiv.2302.05555',
        arxivId: '2302.05555',
        url: 'https://arxiv.org/abs/2302.05555v2',
        notes: 'Cited in chapter 3.',
        tags: ['embeddings', 'transformers'],
      },
    ]);
    expect(r.skipped).toHaveLength(2);
    expect(r.skipped[0]?.at).toBe('item 2');
    expect(r.skipped[0]?.reason).toMatch(/author/);
    expect(r.skipped[1]).toEqual({ at: 'item 3', reason: 'no title' });
  });
});

describe('arxiv atom importer', () => {
  it('maps entries, keeps numeric titles as text and strips versions', async () => {
    const r = await parse('sample.atom.xml');
    expect(r.format).toBe('arxiv-atom');
    expect(r.records[0]).toEqual({
      title: 'Power Laws in Teapot Ensembles & Kettles',
      abstract:
        'We measure scaling exponents of teapots (α ≈ 0.34) across 1,000 kitchens in Zürich and 東京.',
      authors: ['Zoë Kettleworth', 'Rahul Sharma'],
      year: 2024,
      venue: 'J. Imag. Kitchens 12 (2024) 1-20',
      doi: '10.5555/pot.2024.7',
      arxivId: '2401.09876',
      url: 'http://arxiv.org/abs/2401.09876v2',
      notes: '',
      tags: [],
    });
    expect(r.records[1]).toMatchObject({ title: '1984', arxivId: 'hep-th/9901001', year: 1999 });
  });
});

describe('csv importer', () => {
  it('reads quoted cells, aliases and case-insensitive headers', async () => {
    const r = await parse('sample.csv');
    expect(r.format).toBe('csv');
    expect(r.records[0]).toEqual({
      title: 'Commas, "Quotes" and Ñandú Networks',
      abstract: 'A multi-line abstract with 中文 and 😀.',
      authors: ['Pérez Ana', 'Smith John'],
      year: 2017,
      venue: 'Fictional Network Letters',
      doi: '10.5555/nandu.1',
      arxivId: '',
      url: 'https://example.org/n',
      notes: 'A note',
      tags: ['graphs', 'birds'],
    });
    expect(r.records[1]).toMatchObject({
      title: 'Second Paper Without Abstract',
      year: null,
      arxivId: '1901.00001',
    });
    expect(r.skipped).toEqual([{ at: 'row 4', reason: 'no title' }]);
  });

  it('reads TSV with "and"-separated authors', async () => {
    const r = await parse('sample.tsv');
    expect(r.format).toBe('csv');
    expect(r.records).toEqual([
      expect.objectContaining({
        title: 'Tab Separated Trees',
        authors: ['Alpha Beta', 'Gamma Delta'],
        year: 1999,
      }),
    ]);
  });
});

describe('jsonl importer', () => {
  it('reads Paper fields and aliases; bad lines are skipped with the JSON error', async () => {
    const r = await parse('sample.jsonl');
    expect(r.format).toBe('jsonl');
    expect(r.records[0]).toEqual({
      title: 'Hyperbolic Origami',
      abstract: 'Folding paper in $\\mathbb{H}^2$.',
      authors: ['Kōji Tanabe', 'Marie Curie-Sklodowska'],
      year: 2016,
      venue: 'Origami Letters',
      doi: '10.5555/ori.16',
      arxivId: '1601.00042',
      url: 'https://example.org/o',
      notes: 'fun',
      tags: ['geometry', 'paper'],
    });
    expect(r.records[1]).toMatchObject({
      title: 'Alias Fields',
      authors: ['Ann Other', 'Bob Builder'],
      year: 2012,
      venue: 'Alias Journal',
      tags: ['a', 'b'],
    });
    expect(r.skipped.map((s) => s.at)).toEqual(['line 3', 'line 4', 'line 5']);
    expect(r.skipped[0]?.reason).toMatch(/^line 3: .*JSON/);
    expect(r.skipped[1]?.reason).toBe('line 4: not a JSON object');
    expect(r.skipped[2]?.reason).toBe('no title');
  });
});

describe('feed importer', () => {
  it('drops chrome, unglues "Subscribe", survives blank lines and a trailing title', async () => {
    const r = await parse('sample-feed.txt');
    expect(r.format).toBe('feed');
    expect(r.records.map((p) => p.title)).toEqual([
      'Teapot Scaling Laws for Tiny Kitchens',
      'Mixture of Kettles: Sparse Boiling at Scale',
      'Graph Neural Networks on Café Menus — 咖啡',
      'A Trailing Title Without Abstract',
    ]);
    expect(r.records[0]?.abstract).toMatch(/^We study how the quality of tea/);
    expect(r.records[3]?.abstract).toBe('');
    expect(r.warnings.join('\n')).toMatch(/line 10: .*no abstract/);
  });

  it('re-syncs when an abstract is missing in the middle and reads CRLF text', async () => {
    const long = (s: string) => `${s} `.repeat(40).trim();
    const text = [
      'First Title',
      long('first abstract'),
      'Lonely Title',
      'Third Title',
      long('third abstract'),
    ].join('\r\n');
    const r = await parseSource(new TextEncoder().encode(text), 'pasted.txt', undefined, {});
    expect(r.format).toBe('feed');
    expect(r.records.map((p) => [p.title, p.abstract.slice(0, 5)])).toEqual([
      ['First Title', 'first'],
      ['Lonely Title', ''],
      ['Third Title', 'third'],
    ]);
  });
});

describe('format detection', () => {
  const long =
    'An abstract that goes on for quite a while, as abstracts do, to look like one. '.repeat(2);
  it.each([
    ['@article{k,\n title={T}}', 'bibtex'],
    ['TY  - JOUR\nTI  - T\nER  - ', 'ris'],
    [
      '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><entry></entry></feed>',
      'arxiv-atom',
    ],
    ['[{"type":"article","title":"T"}]', 'csl-json'],
    ['{"title":"A"}\n{"title":"B"}', 'jsonl'],
    ['title,authors\nA,B', 'csv'],
    [`Title One\n${long}\nTitle Two\n${long}\n`, 'feed'],
  ])('sniffs pasted text %#', (text, format) => {
    expect(detectFormat(text, 'pasted.txt')).toBe(format);
  });

  it('prefers the explicit format, then the extension', () => {
    expect(detectFormat('title\nx', 'a.csv', 'jsonl')).toBe('jsonl');
    expect(detectFormat('anything', 'a.ris')).toBe('ris');
    expect(detectFormat('{"title":"A"}\n{"title":"B"}', 'a.json')).toBe('jsonl');
    expect(detectFormat('[{"title":"A"}]', 'a.json')).toBe('csl-json');
  });

  it('names the supported formats when it cannot tell', () => {
    expect(() => detectFormat('hello', 'notes.txt')).toThrow(
      /Could not tell the format of notes\.txt.*BibTeX.*RIS/,
    );
  });
});
