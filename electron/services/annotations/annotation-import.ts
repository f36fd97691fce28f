// Highlights read in from a W3C Web Annotation file (ours or another tool's): each is matched to a
// paper (Quire id, DOI, arXiv id, title) and merged once; those without a paper are kept aside in a
// file inside the library, never dropped.
import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { MAX_COMMENT_CHARS } from '@shared/api/annotations-contract';
import { QuireError } from '@shared/api/errors';
import type { Paper } from '@shared/api/schemas';
import { findQuote } from '@shared/annotations/anchor';
import type {
  AnnotationField,
  AnnotationImportResult,
  KeptAside,
  StoredAnnotation,
} from '@shared/annotations/types';
import {
  annotationsOf,
  parseW3CAnnotation,
  positionIn,
  type ParsedW3C,
} from '@shared/annotations/w3c';
import { normaliseArxivId, normaliseDoi, titleKey } from '@shared/papers/identity';
import { writeFileAtomic } from '../fs/atomic-write';
import type { PaperReader } from '../library/paper-head';
import type { AnnotationState, AnnotationStore } from './annotation-store';
import { kindFor } from './kinds';

/** The folder (inside the library) where imported annotations without a paper are kept. */
export const KEPT_ASIDE_DIR = 'annotations-kept-aside';

type Aside = KeptAside & { raw: unknown };
type Ready = { p: ParsedW3C; paper: Paper };
/** What matching a target needs of a paper (the library's in-memory copy has no abstracts). */
type Listed = Pick<Paper, 'id' | 'doi' | 'arxivId' | 'title'>;

/** Imports the file's annotations into the store; `name` is the file's name, for messages. */
export async function importAnnotations(
  store: AnnotationStore,
  papers: Pick<PaperReader, 'all' | 'read'>,
  text: string,
  name: string,
): Promise<AnnotationImportResult> {
  const { matched, keptAside } = sortImported(readAnnotations(text, name), papers.all());
  // The passages are found in the matched papers' text: read them whole (abstracts included).
  const whole = new Map(
    (await papers.read([...new Set(matched.map((m) => m.paper.id))])).map((p) => [p.id, p]),
  );
  const ready = matched.flatMap(({ p, paper }) => {
    const found = whole.get(paper.id);
    return found ? [{ p, paper: found }] : [];
  });
  const result = await store.change((s) => merge(s, ready));
  const keptAsideFile =
    keptAside.length > 0 ? await writeKeptAside(store.libraryDir, name, keptAside) : null;
  return {
    ...result,
    keptAside: keptAside.map(({ reason, annotationId, source, exact }) => ({
      reason,
      annotationId,
      source,
      exact,
    })),
    keptAsideFile,
  };
}

/** The file's raw annotations; a clear message when it is not JSON or holds no W3C annotation. */
function readAnnotations(text: string, name: string): unknown[] {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new QuireError('invalid_file', `${name} is not JSON: ${(err as Error).message}`);
  }
  try {
    return annotationsOf(doc);
  } catch (err) {
    throw new QuireError('invalid_file', `${name}: ${(err as Error).message}.`);
  }
}

/** Splits raw annotations into those ready to merge and those kept aside, with the reason. */
function sortImported(
  raws: unknown[],
  papers: readonly Listed[],
): { matched: { p: ParsedW3C; paper: Listed }[]; keptAside: Aside[] } {
  const match = paperMatcher(papers);
  const keptAside: Aside[] = [];
  const matched: { p: ParsedW3C; paper: Listed }[] = [];
  for (const raw of raws) {
    const r = parseW3CAnnotation(raw);
    if (!r.ok) {
      keptAside.push({
        reason: r.reason,
        raw,
        annotationId: fileIdOf(raw),
        source: null,
        exact: null,
      });
      continue;
    }
    const p = r.value;
    const aside = (reason: string) =>
      keptAside.push({ reason, raw, annotationId: p.fileId, source: p.source, exact: p.exact });
    const paper = match(p);
    if (!paper) {
      aside(`no paper in this library matches ${describeTarget(p)}`);
      continue;
    }
    if (p.comment.length > MAX_COMMENT_CHARS) {
      aside(`its comment is longer than ${MAX_COMMENT_CHARS.toLocaleString('en')} characters`);
      continue;
    }
    matched.push({ p, paper });
  }
  return { matched, keptAside };
}

/** Adds the ready annotations not already present (same id, or same passage and kind). */
function merge(s: AnnotationState, ready: Ready[]): { restored: number; alreadyPresent: number } {
  let restored = 0;
  let alreadyPresent = 0;
  const ids = new Set(s.annotations.map((a) => a.id));
  const same = new Set(s.annotations.map(sameKey));
  const now = new Date().toISOString();
  for (const { p, paper } of ready) {
    const field: AnnotationField =
      p.field ?? (findQuote(paper.title, p.exact) ? 'title' : 'abstract');
    const text = paper[field];
    const position = p.position
      ? positionIn(text, p.position)
      : (findQuote(text, p.exact) ?? { start: 0, end: p.exact.length });
    const a: StoredAnnotation = {
      id: p.quireId && !ids.has(p.quireId) ? p.quireId : randomUUID(),
      paperId: paper.id,
      field,
      selectors: { quote: { exact: p.exact, prefix: p.prefix, suffix: p.suffix }, position },
      kind: kindFor(s, p.tags),
      comment: p.comment,
      created: p.created ?? now,
      modified: p.modified ?? p.created ?? now,
    };
    if ((p.quireId && ids.has(p.quireId)) || same.has(sameKey(a))) {
      alreadyPresent++;
      continue;
    }
    s.annotations.push(a);
    ids.add(a.id);
    same.add(sameKey(a));
    restored++;
  }
  return { restored, alreadyPresent };
}

/** Writes the kept-aside annotations, each with its reason, as a W3C collection; returns its path. */
async function writeKeptAside(
  libraryDir: string,
  name: string,
  keptAside: Aside[],
): Promise<string> {
  const dir = join(libraryDir, KEPT_ASIDE_DIR);
  await mkdir(dir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const base = name.replace(/[^\w.-]+/g, '_').slice(0, 80) || 'annotations.jsonld';
  const file = join(dir, `${stamp}-${base}${base.endsWith('.jsonld') ? '' : '.jsonld'}`);
  const items = keptAside.map((k) => ({
    ...(typeof k.raw === 'object' && k.raw !== null && !Array.isArray(k.raw)
      ? k.raw
      : { value: k.raw }),
    'urn:quire:keptAsideBecause': k.reason,
  }));
  await writeFileAtomic(
    file,
    `${JSON.stringify({ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationCollection', label: `Kept aside from ${name}`, total: items.length, first: { type: 'AnnotationPage', startIndex: 0, items } }, null, 2)}\n`,
  );
  return file;
}

/** Two highlights of the same passage with the same kind are one (importing a file twice). */
function sameKey(a: StoredAnnotation): string {
  return JSON.stringify([
    a.paperId,
    a.field,
    a.selectors.quote.exact,
    a.selectors.position,
    a.kind,
  ]);
}

function fileIdOf(raw: unknown): string | null {
  const id = typeof raw === 'object' && raw !== null ? (raw as { id?: unknown }).id : null;
  return typeof id === 'string' ? id : null;
}

function describeTarget(p: ParsedW3C): string {
  if (p.doi) return `DOI ${p.doi}`;
  if (p.arxivId) return `arXiv ${p.arxivId}`;
  if (p.title) return `the title "${p.title}"`;
  return `the source ${p.source}`;
}

/** Finds the paper an imported annotation targets: Quire id, then DOI, arXiv id, title. */
function paperMatcher(papers: readonly Listed[]): (p: ParsedW3C) => Listed | undefined {
  const byId = new Map<string, Listed>();
  const byDoi = new Map<string, Listed>();
  const byArxiv = new Map<string, Listed>();
  const byTitle = new Map<string, Listed>();
  for (const p of papers) {
    byId.set(p.id, p);
    const doi = normaliseDoi(p.doi);
    if (doi && !byDoi.has(doi)) byDoi.set(doi, p);
    const ax = normaliseArxivId(p.arxivId);
    if (ax && !byArxiv.has(ax)) byArxiv.set(ax, p);
    const t = titleKey(p.title);
    if (t && !byTitle.has(t)) byTitle.set(t, p);
  }
  return (a) =>
    (a.paperId ? byId.get(a.paperId) : undefined) ??
    (a.doi ? byDoi.get(normaliseDoi(a.doi)) : undefined) ??
    (a.arxivId ? byArxiv.get(normaliseArxivId(a.arxivId)) : undefined) ??
    (a.title ? byTitle.get(titleKey(a.title)) : undefined);
}
