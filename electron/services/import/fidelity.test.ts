// Import fidelity (issue 12) for RIS, CSV, CSL-JSON and arXiv Atom: vendor notes, HTML references
// decoded exactly once, reference-manager CSV columns, and pasted text detected like a file.
import { describe, expect, it } from 'vitest';
import { QuireError } from '@shared/api/errors';
import { PASTED_TEXT_NAME } from '@shared/api/schemas';
import { decodeEntities } from './entities';
import { parseText } from './index';

const ris = (...lines: string[]) => ['TY  - JOUR', ...lines, 'ER  - ', ''].join('\n');

describe('RIS notes', () => {
  it("drops Scopus's export stamp, citation count and bookkeeping, keeps the user's note", async () => {
    const r = await parseText(
      ris(
        'TI  - Premature ovarian failure',
        'N1  - Export Date: 14 March 2024',
        'N1  - Cited By :87',
        'N1  - Correspondence Address: Okafor, A.N.; email: a@example.org',
        'N1  - References: Smith, J., Ovarian ageing (2001)',
        'N1  - Reread the methods section.',
        'DB  - Scopus',
      ),
      'scopus.ris',
      undefined,
    );
    expect(r.records[0]?.notes).toBe('Reread the methods section.');
  });

  it('keeps a note that only looks like a vendor field outside vendor exports', async () => {
    const r = await parseText(
      ris('TI  - A paper', 'N1  - References: see the 2019 review first'),
      'mine.ris',
      undefined,
    );
    expect(r.records[0]?.notes).toBe('References: see the 2019 review first');
  });

  it("turns Zotero's HTML notes into text", async () => {
    const r = await parseText(
      ris('TI  - A book', 'N1  - <p>Chapter 4 &amp; 5.</p><p>On loan.</p>'),
      'zotero.ris',
      undefined,
    );
    expect(r.records[0]?.notes).toBe('Chapter 4 & 5.\nOn loan.');
  });
});

describe('HTML references decoded exactly once', () => {
  it('decodes numeric and named references, once, and leaves bare ampersands', () => {
    expect(decodeEntities('32.4 &#177; 5.1, &plusmn;, &#x3B1;, &apos;')).toBe(
      "32.4 ± 5.1, ±, α, '",
    );
    expect(decodeEntities('R&amp;amp;D')).toBe('R&amp;D');
    expect(decodeEntities('AT&T &notanentity; &#0; &#xD800;')).toBe(
      'AT&T &notanentity; &#0; &#xD800;',
    );
  });

  it('arXiv Atom: &amp;#177; (XML-escaped &#177;) becomes ±', async () => {
    const atom = `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">
      <entry><id>http://arxiv.org/abs/1907.04412v3</id><published>2019-07-09T00:00:00Z</published>
      <title>The Hubble constant to 1&amp;#37;</title>
      <summary>H0 = 73.3 &amp;#177; 1.8; p &lt; 0.01</summary></entry></feed>`;
    const r = await parseText(atom, 'query.atom', undefined);
    expect(r.records[0]).toMatchObject({
      title: 'The Hubble constant to 1%',
      abstract: 'H0 = 73.3 ± 1.8; p < 0.01',
    });
  });

  it('RIS, CSV and CSL-JSON decode text fields once and keep URLs verbatim', async () => {
    const fromRis = await parseText(
      ris('TI  - R&amp;amp;D in &lt;i&gt;E. coli&lt;/i&gt;', 'UR  - https://x.org/?a=1&amp;b=2'),
      'a.ris',
      undefined,
    );
    expect(fromRis.records[0]).toMatchObject({
      title: 'R&amp;D in <i>E. coli</i>',
      url: 'https://x.org/?a=1&amp;b=2',
    });
    const fromCsv = await parseText(
      'Title,Abstract\nBrewing &amp; distilling,20 &#177; 2 °C\n',
      'a.csv',
      undefined,
    );
    expect(fromCsv.records[0]).toMatchObject({
      title: 'Brewing & distilling',
      abstract: '20 ± 2 °C',
    });
    const fromCsl = await parseText(
      JSON.stringify([{ title: 'Brewing &amp; distilling', abstract: 'A &amp;amp; B' }]),
      'a.json',
      undefined,
    );
    expect(fromCsl.records[0]).toMatchObject({
      title: 'Brewing & distilling',
      abstract: 'A &amp; B',
    });
  });
});

describe('reference-manager CSV', () => {
  const zotero =
    '"Key","Item Type","Publication Year","Author","Title","Publication Title","DOI","Url","Abstract Note","Date","Pages","Volume","Extra","Notes","Manual Tags","Automatic Tags"\n' +
    '"AB12","journalArticle","2017","Aalto, Sini; Chen, Zhao-qian","Exercise and mental health","Maturitas","10.1016/j.maturitas.2017.09.003","","Mood and sleep in mid-life.","2017-12","48-56","106","","<p>Read &amp; summarise.</p>","exercise; menopause","Humans; Adult"\n' +
    '"CD34","preprint","","Ishikawa, Ren","Sparse attention, revisited","","","","","2021-05-04","","","arXiv: 2105.01234","","",""\n';

  it("reads Zotero's columns: abstract, split authors, both tag columns, year, arXiv id from Extra", async () => {
    const r = await parseText(zotero, 'zotero.csv', undefined);
    expect(r.records[0]).toMatchObject({
      abstract: 'Mood and sleep in mid-life.',
      notes: 'Read & summarise.',
      authors: ['Sini Aalto', 'Zhao-qian Chen'],
      year: 2017,
      venue: 'Maturitas',
      tags: ['exercise', 'menopause', 'Humans', 'Adult'],
      volume: '106',
      pages: '48-56',
    });
    expect(r.records[1]).toMatchObject({
      year: 2021,
      arxivId: '2105.01234',
      authors: ['Ren Ishikawa'],
    });
  });

  it('keeps a given-first name with a suffix, splits family-first ones', async () => {
    const r = await parseText(
      'Title,Authors\nA,"Martin Luther King, Jr.; Lovelace, Ada; Hopper, Grace, III"\n',
      'a.csv',
      undefined,
    );
    expect(r.records[0]?.authors).toEqual([
      'Martin Luther King, Jr.',
      'Ada Lovelace',
      // Stored in BibTeX's form (names.ts), shown as "Grace Hopper III".
      'Hopper, III, Grace',
    ]);
  });

  it("reads Mendeley's and EndNote's columns", async () => {
    const mendeley = await parseText(
      'Title,Authors,Year,Source,Keywords,Tags\nA study,"Hallberg, K.O., Ferreira, L.",1990,Sports Medicine,exercise; anxiety,"to-read, methods"\n',
      'mendeley.csv',
      undefined,
    );
    expect(mendeley.records[0]).toMatchObject({
      authors: ['K.O. Hallberg', 'L. Ferreira'],
      venue: 'Sports Medicine',
      tags: ['exercise', 'anxiety', 'to-read', 'methods'],
    });
    const endnote = await parseText(
      'Reference Type\tAuthor\tYear\tTitle\tSecondary Title\tVolume\tNumber\tElectronic Resource Number\tResearch Notes\n' +
        'Journal Article\tBrandt, Lena; van der Berg, Joost\t2021\tMixed models\tJ Insect Physiol\t130\t2\tdoi:10.1016/j.jinsphys.2021.104199\tSee ch. 4\n',
      'endnote.tsv',
      undefined,
    );
    expect(endnote.records[0]).toMatchObject({
      authors: ['Lena Brandt', 'Joost van der Berg'],
      venue: 'J Insect Physiol',
      doi: '10.1016/j.jinsphys.2021.104199',
      notes: 'See ch. 4',
      issue: '2',
    });
  });
});

describe('pasted text', () => {
  const abstract =
    'We study how lighthouse keepers scheduled their watches over two centuries, and find that the ' +
    'length of a watch followed the length of the night more closely than any written rule.';

  it('one pasted feed paper (title line, abstract line) is a feed', async () => {
    const r = await parseText(
      `Watches at the lighthouse\n${abstract}`,
      PASTED_TEXT_NAME,
      undefined,
    );
    expect(r.format).toBe('feed');
    expect(r.records).toEqual([
      expect.objectContaining({ title: 'Watches at the lighthouse', abstract }),
    ]);
  });

  it('undetectable pasted text is called pasted text, not a file', async () => {
    const err = await parseText('a few words\nno bibliography', PASTED_TEXT_NAME, undefined).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(QuireError);
    expect((err as QuireError).message).toMatch(
      /^Could not tell the format of pasted text: choose it/,
    );
  });
});
