// W3C Web Annotation Data Model (https://www.w3.org/TR/annotation-model/) in JSON-LD: Quire's
// highlights out as an AnnotationCollection (what Hypothesis and other tools exchange), and any
// W3C annotation file back in — a collection, a page, one annotation or an array of them.
// Positions are counted in code points, as the model asks; the field (title or abstract) and the
// paper's title travel in two extension properties named by absolute IRIs (valid JSON-LD that
// other tools ignore), so the file keeps the required `@context` unchanged.
import { fromCodePoints, toCodePoints } from './anchor';
import type { AnnotationField, StoredAnnotation } from './types';

export const W3C_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
export const FIELD_IRI = 'urn:quire:field';
export const TITLE_IRI = 'urn:quire:title';
const ANNOTATION_URN = 'urn:quire:annotation:';
const PAPER_URN = 'urn:quire:paper:';

/** The facts of a paper an export needs and an import matches on. */
export type PaperRef = {
  id: string;
  title: string;
  abstract: string;
  doi: string;
  arxivId: string;
};

/** A stable IRI for a paper: its DOI URL, else its arXiv URL, else a Quire URN. */
export function paperIri(p: Pick<PaperRef, 'id' | 'doi' | 'arxivId'>): string {
  if (p.doi.trim()) return `https://doi.org/${p.doi.trim()}`;
  if (p.arxivId.trim()) return `https://arxiv.org/abs/${p.arxivId.trim()}`;
  return `${PAPER_URN}${p.id}`;
}

export type W3CTextualBody = {
  type: 'TextualBody';
  value: string;
  purpose: 'commenting' | 'tagging';
  format?: string;
};

export type W3CAnnotation = {
  '@context'?: string;
  id: string;
  type: 'Annotation';
  motivation: 'highlighting' | 'commenting';
  created: string;
  modified: string;
  body: W3CTextualBody[];
  target: {
    source: string;
    selector: [
      { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string },
      { type: 'TextPositionSelector'; start: number; end: number },
    ];
    [FIELD_IRI]: AnnotationField;
    [TITLE_IRI]: string;
  };
};

export type W3CCollection = {
  '@context': string;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  first: { type: 'AnnotationPage'; startIndex: 0; items: W3CAnnotation[] };
};

/** One highlight as a W3C annotation; positions in code points of the paper's current field text. */
export function toW3CAnnotation(a: StoredAnnotation, paper: PaperRef): W3CAnnotation {
  const text = paper[a.field];
  const body: W3CTextualBody[] = [];
  if (a.comment)
    body.push({
      type: 'TextualBody',
      value: a.comment,
      format: 'text/markdown',
      purpose: 'commenting',
    });
  body.push({ type: 'TextualBody', value: a.kind, purpose: 'tagging' });
  return {
    id: `${ANNOTATION_URN}${a.id}`,
    type: 'Annotation',
    motivation: a.comment ? 'commenting' : 'highlighting',
    created: a.created,
    modified: a.modified,
    body,
    target: {
      source: paperIri(paper),
      selector: [
        { type: 'TextQuoteSelector', ...a.selectors.quote },
        {
          type: 'TextPositionSelector',
          start: toCodePoints(text, a.selectors.position.start),
          end: toCodePoints(text, a.selectors.position.end),
        },
      ],
      [FIELD_IRI]: a.field,
      [TITLE_IRI]: paper.title,
    },
  };
}

export function toW3CCollection(items: W3CAnnotation[]): W3CCollection {
  return {
    '@context': W3C_CONTEXT,
    type: 'AnnotationCollection',
    label: 'Quire highlights',
    total: items.length,
    first: { type: 'AnnotationPage', startIndex: 0, items },
  };
}

/** What an import learns from one W3C annotation before it is matched to a paper. */
export type ParsedW3C = {
  /** The original object, kept to write aside unchanged when it cannot be restored. */
  raw: unknown;
  /** Quire's id when the file came from Quire, else null (a new id is made). */
  quireId: string | null;
  fileId: string | null;
  source: string;
  /** The paper's id, DOI, arXiv id or title as the target names them ('' when absent). */
  paperId: string;
  doi: string;
  arxivId: string;
  title: string;
  field: AnnotationField | null;
  exact: string;
  prefix: string;
  suffix: string;
  /** Code points, as in the file; null when the file had no TextPositionSelector. */
  position: { start: number; end: number } | null;
  comment: string;
  tags: string[];
  created: string | null;
  modified: string | null;
};

export type ParseOutcome =
  { ok: true; value: ParsedW3C } | { ok: false; raw: unknown; reason: string };

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const list = (v: unknown): unknown[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const hasType = (o: Record<string, unknown>, t: string) => list(o.type).includes(t);

/** The annotations of a parsed JSON-LD file, whatever its wrapping; throws when it has none. */
export function annotationsOf(doc: unknown): unknown[] {
  if (Array.isArray(doc)) return doc;
  if (!isObject(doc)) throw new Error('the file is not a JSON object or array');
  if (hasType(doc, 'Annotation')) return [doc];
  if (hasType(doc, 'AnnotationPage')) return list(doc.items);
  if (hasType(doc, 'AnnotationCollection')) {
    const out: unknown[] = [];
    // Pages may be embedded one after another through `next`; bounded so a cycle cannot loop.
    let page: unknown = doc.first;
    for (let i = 0; isObject(page) && i < 100_000; i++) {
      out.push(...list(page.items));
      page = page.next;
    }
    return out;
  }
  throw new Error('the file has no W3C Annotation, AnnotationPage or AnnotationCollection');
}

function paperFromSource(source: string): Pick<ParsedW3C, 'paperId' | 'doi' | 'arxivId'> {
  if (source.startsWith(PAPER_URN))
    return { paperId: source.slice(PAPER_URN.length), doi: '', arxivId: '' };
  const doi = /^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:)(.+)$/i.exec(source);
  if (doi) return { paperId: '', doi: decodeURIComponent(doi[1]!), arxivId: '' };
  const arxiv = /^https?:\/\/(?:www\.)?arxiv\.org\/(?:abs|pdf)\/(.+?)(?:\.pdf)?$/i.exec(source);
  if (arxiv) return { paperId: '', doi: '', arxivId: arxiv[1]! };
  return { paperId: '', doi: '', arxivId: '' };
}

/** Reads one W3C annotation; a clear reason when it is not one Quire can hold. */
export function parseW3CAnnotation(raw: unknown): ParseOutcome {
  const fail = (reason: string): ParseOutcome => ({ ok: false, raw, reason });
  if (!isObject(raw)) return fail('not a JSON object');
  if (!hasType(raw, 'Annotation')) return fail('its type is not "Annotation"');
  const target = list(raw.target).find(isObject);
  if (!target) return fail('it has no target with a source and selectors (a whole-document note)');
  const source = str(target.source) || str(isObject(target.source) ? target.source.id : '');
  if (!source) return fail('its target names no source');
  const selectors = list(target.selector).filter(isObject);
  const quote = selectors.find((s) => hasType(s, 'TextQuoteSelector'));
  if (!quote || !str(quote.exact))
    return fail('it has no TextQuoteSelector with the quoted text (only text highlights are kept)');
  const pos = selectors.find((s) => hasType(s, 'TextPositionSelector'));
  const start = pos && Number.isInteger(pos.start) ? (pos.start as number) : null;
  const end = pos && Number.isInteger(pos.end) ? (pos.end as number) : null;
  const bodies = list(raw.body).filter(isObject);
  const textual = (b: Record<string, unknown>) =>
    hasType(b, 'TextualBody') || (b.type === undefined && typeof b.value === 'string');
  const tags = bodies.filter((b) => textual(b) && b.purpose === 'tagging').map((b) => str(b.value));
  const comments = bodies
    .filter((b) => textual(b) && b.purpose !== 'tagging')
    .map((b) => str(b.value))
    .filter(Boolean);
  // A plain string body (allowed by the model as an embedded text) is a comment too.
  if (typeof raw.body === 'string') comments.push(raw.body);
  const id = str(raw.id);
  const field = str(target[FIELD_IRI]);
  return {
    ok: true,
    value: {
      raw,
      quireId: id.startsWith(ANNOTATION_URN) ? id.slice(ANNOTATION_URN.length) : null,
      fileId: id || null,
      source,
      ...paperFromSource(source),
      title: str(target[TITLE_IRI]),
      field: field === 'title' || field === 'abstract' ? field : null,
      exact: str(quote.exact),
      prefix: str(quote.prefix),
      suffix: str(quote.suffix),
      position: start !== null && end !== null && start >= 0 && end > start ? { start, end } : null,
      comment: comments.join('\n\n'),
      tags: tags.filter(Boolean),
      created: str(raw.created) || null,
      modified: str(raw.modified) || null,
    },
  };
}

/** Positions of a parsed annotation in UTF-16 units of the paper's field text. */
export function positionIn(
  text: string,
  p: { start: number; end: number },
): { start: number; end: number } {
  return { start: fromCodePoints(text, p.start), end: fromCodePoints(text, p.end) };
}
