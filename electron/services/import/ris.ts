// RIS importer. A small hand parser rather than @citation-js/plugin-ris: the plugin leaves
// `Y1 - 2019/05/01/` unparsed, maps T2 differently per record type, keeps trailing spaces in
// names, silently accepts a record cut off before `ER`, and gives no line numbers for skips.
import { QuireError } from '@shared/api/errors';
import type { Importer } from './types';
import { invertName } from './author-list';
import { decodeDraftEntities, htmlNoteToText } from './entities';
import { cleanArxivId, Collector, type RawDraft } from './limits';

const TAG_LINE = /^([A-Z][A-Z0-9])\s{1,2}-(?: (.*))?$/;

type RisRecord = { line: number; fields: Map<string, string[]>; closed: boolean };

function readRecords(text: string): RisRecord[] {
  const records: RisRecord[] = [];
  let cur: RisRecord | null = null;
  let last: string[] | null = null;
  text.split('\n').forEach((raw, i) => {
    // trimEnd, not `/\s+$/`: that regex is quadratic on a long blank run followed by text.
    const lineText = raw.trimEnd();
    const m = TAG_LINE.exec(lineText);
    if (!m) {
      // RIS allows long values to continue on the next line.
      if (cur && last && lineText.trim()) last[last.length - 1] += ` ${lineText.trim()}`;
      return;
    }
    const tag = m[1]!;
    const value = (m[2] ?? '').trim();
    if (tag === 'TY') {
      if (cur) records.push(cur);
      cur = { line: i + 1, fields: new Map(), closed: false };
      last = null;
    }
    if (!cur) return;
    if (tag === 'ER') {
      cur.closed = true;
      records.push(cur);
      cur = null;
      last = null;
      return;
    }
    const list = cur.fields.get(tag) ?? [];
    list.push(value);
    cur.fields.set(tag, list);
    last = list;
  });
  if (cur) records.push(cur);
  return records;
}

/** Database bookkeeping every Scopus record carries in N1; never the user's words. */
const ALWAYS_VENDOR = /^\s*(export date|cited by)\s*:/i;
/** The other fields Scopus and Web of Science write as N1 lines, dropped only from their exports. */
const VENDOR_NOTE =
  /^\s*(correspondence address|references|funding details|funding text(\s*\d+)?|chemicals\/cas|tradenames|manufacturers|molecular sequence numbers|art\. no\.|coden|pubmed id|language of original document|abbreviated source title|document type|publication stage|source|conference code|conference name|conference date|conference location|sponsors|open access|times cited|cited references|usage count|publisher|issn|isbn)\s*:/i;

/** A Scopus or Web of Science export, told by its database line, accession number or N1 stamp. */
function isVendorRecord(f: Map<string, string[]>): boolean {
  return (
    (f.get('DB') ?? []).some((v) => /scopus|web of science|wos/i.test(v)) ||
    (f.get('AN') ?? []).some((v) => /^wos:/i.test(v)) ||
    (f.get('N1') ?? []).some((v) => ALWAYS_VENDOR.test(v))
  );
}

/** The record's genuine notes: vendor bookkeeping dropped, HTML notes made text. */
function userNotes(f: Map<string, string[]>): string {
  const vendor = isVendorRecord(f);
  return (f.get('N1') ?? [])
    .filter((n) => !ALWAYS_VENDOR.test(n) && !(vendor && VENDOR_NOTE.test(n)))
    .map(htmlNoteToText)
    .filter((n) => n.trim())
    .join('\n\n');
}

function toDraft(f: Map<string, string[]>): RawDraft {
  const first = (...tags: string[]): string => {
    for (const t of tags) {
      const v = f.get(t)?.find((x) => x.trim());
      if (v) return v;
    }
    return '';
  };
  const all = (...tags: string[]): string[] => tags.flatMap((t) => f.get(t) ?? []);
  const urls = all('UR', 'L2', 'LK');
  const doi = first('DO');
  const arxivUrl = urls.find((u) => /arxiv\.org\/(abs|pdf)\//i.test(u));
  return {
    title: first('TI', 'T1', 'CT', 'BT'),
    abstract: first('AB', 'N2'),
    authors: all('AU', 'A1').map(invertName),
    year: first('PY', 'Y1', 'DA', 'Y2'),
    venue: first('JF', 'JO', 'T2', 'J2', 'JA', 'J1', 'BT'),
    doi,
    arxivId: arxivUrl ? cleanArxivId(arxivUrl) : '',
    url: urls[0] ?? '',
    notes: userNotes(f),
    tags: all('KW').flatMap((k) => k.split(/;/)),
    volume: first('VL'),
    issue: first('IS'),
    edition: first('ET'),
    pages: pageRange(first('SP'), first('EP')),
  };
}

/** RIS splits a page range into start (SP) and end (EP); "211" + "219" → "211-219". */
function pageRange(start: string, end: string): string {
  if (!end || end === start || /[-–]/.test(start)) return start;
  return start ? `${start}-${end}` : '';
}

export const risImporter: Importer = {
  format: 'ris',
  label: 'RIS',
  extensions: ['ris'],
  sniff(head) {
    return /^TY\s{1,2}- ?\S/m.test(head);
  },
  async parse(text, ctx) {
    const records = readRecords(text);
    if (records.length === 0) {
      throw new QuireError('invalid_file', `${ctx.name} has no RIS records (no "TY  - " line).`);
    }
    const out = new Collector(ctx, records.length);
    records.forEach((r, k) => {
      const at = `record ${k + 1} (line ${r.line})`;
      if (!r.closed) {
        out.skip(at, 'record is cut off (no "ER  -" line): the file may be truncated');
        return;
      }
      out.add(decodeDraftEntities(toDraft(r.fields)), at);
    });
    return out.result();
  },
};
