// Annotation service: highlights on a paper's title or abstract — add from a selection or a quote,
// re-anchor on read (orphaned ones kept and flagged), edit, remove with undo, the kinds list, search
// within highlights and comments, the trash hook for deleted papers, W3C / Markdown export, import.
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { ParsedInputOf } from '../../../shared/api/contract';
import { MAX_COMMENT_CHARS, type AnnotationPage } from '../../../shared/api/annotations-contract';
import { QuireError } from '../../../shared/api/errors';
import type { Paper, Span } from '../../../shared/api/schemas';
import { anchor, findQuote, selectorsOf } from '../../../shared/annotations/anchor';
import { markdownFileName, paperMarkdown } from '../../../shared/annotations/markdown';
import type {
  Anchor,
  Annotation,
  AnnotationExportResult,
  AnnotationField,
  AnnotationImportResult,
  AnnotationKind,
  HitAnnotation,
  KeptAside,
  StoredAnnotation,
} from '../../../shared/annotations/types';
import {
  annotationsOf,
  parseW3CAnnotation,
  positionIn,
  toW3CAnnotation,
  toW3CCollection,
  type ParsedW3C,
} from '../../../shared/annotations/w3c';
import { normaliseArxivId, normaliseDoi, titleKey } from '../../../shared/papers/identity';
import { writeFileAtomic } from '../fs/atomic-write';
import { TRASH_DEPTH, type AnnotationState, type AnnotationStore } from './annotation-store';

/** The papers the service reads (the library's in-memory copy). */
export type PaperSource = { get(id: string): Paper | undefined; all(): Paper[] };

/** The folder (inside the library) where imported annotations without a paper are kept. */
export const KEPT_ASIDE_DIR = 'annotations-kept-aside';
/** Colour of a kind an import creates from another tool's tag. */
const IMPORTED_KIND_COLOR = '#9e9e9e';

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** Lower case, accents and compatibility forms folded: how search words and texts are compared. */
export function fold(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}
const foldedWords = (q: string | undefined) =>
  fold(q ?? '')
    .split(/\s+/)
    .filter(Boolean);

const FIELD_ORDER: Record<AnnotationField, number> = { title: 0, abstract: 1 };

export class AnnotationService {
  /** Anchors computed per highlight, valid while the highlight object and the field text are the same. */
  private readonly anchors = new Map<
    string,
    { a: StoredAnnotation; text: string; at: Anchor | null }
  >();

  constructor(
    private readonly store: AnnotationStore,
    private readonly papers: PaperSource,
  ) {}

  private anchorOf(a: StoredAnnotation, paper: Paper): Anchor | null {
    const text = paper[a.field];
    const hit = this.anchors.get(a.id);
    if (hit && hit.a === a && hit.text === text) return hit.at;
    const at = anchor(text, a.selectors);
    this.anchors.set(a.id, { a, text, at });
    return at;
  }

  private view(a: StoredAnnotation, paper: Paper): Annotation {
    const at = this.anchorOf(a, paper);
    return { ...a, paperTitle: paper.title, anchor: at, orphaned: at === null };
  }

  private paper(id: string): Paper {
    const p = this.papers.get(id);
    if (!p) throw new QuireError('not_found', `No paper with id "${id}".`);
    return p;
  }

  /** Highlights whose paper is in the library, as views (deleted papers' highlights are in the trash). */
  private views(state: AnnotationState, paperId?: string): Annotation[] {
    const out: Annotation[] = [];
    for (const a of state.annotations) {
      if (paperId !== undefined && a.paperId !== paperId) continue;
      const p = this.papers.get(a.paperId);
      if (p) out.push(this.view(a, p));
    }
    return out.sort(
      (x, y) =>
        collator.compare(x.paperTitle, y.paperTitle) ||
        (x.paperId < y.paperId ? -1 : x.paperId > y.paperId ? 1 : 0) ||
        FIELD_ORDER[x.field] - FIELD_ORDER[y.field] ||
        (x.anchor?.start ?? Infinity) - (y.anchor?.start ?? Infinity) ||
        x.created.localeCompare(y.created),
    );
  }

  async list(input: ParsedInputOf<'annotations:list'>): Promise<AnnotationPage> {
    const state = await this.store.read();
    const words = foldedWords(input.query);
    const items = this.views(state, input.paperId).filter(
      (a) =>
        (input.kind === undefined || a.kind === input.kind) &&
        (input.orphaned === undefined || a.orphaned === input.orphaned) &&
        (words.length === 0 ||
          words.every((w) => fold(`${a.selectors.quote.exact}\n${a.comment}`).includes(w))),
    );
    return {
      total: items.length,
      offset: input.offset,
      items: items.slice(input.offset, input.offset + input.limit),
    };
  }

  async get(id: string): Promise<Annotation> {
    const state = await this.store.read();
    const a = state.annotations.find((x) => x.id === id);
    const p = a && this.papers.get(a.paperId);
    if (!a || !p) throw new QuireError('not_found', `No highlight with id "${id}".`);
    return this.view(a, p);
  }

  private checkKind(kinds: AnnotationKind[], kind: string): void {
    if (!kinds.some((k) => k.id === kind))
      throw new QuireError(
        'invalid_input',
        `Unknown highlight kind "${kind}"; the kinds are: ${kinds.map((k) => k.id).join(', ')}.`,
      );
  }

  async add(input: ParsedInputOf<'annotations:add'>): Promise<Annotation> {
    const paper = this.paper(input.paperId);
    let field: AnnotationField;
    let start: number;
    let end: number;
    if (input.start !== undefined && input.end !== undefined && input.field) {
      field = input.field;
      ({ start, end } = input);
      const length = paper[field].length;
      if (end > length)
        throw new QuireError(
          'invalid_input',
          `The selection ${start}–${end} is outside the paper's ${field} (${length} characters).`,
        );
    } else {
      const quote = input.quote ?? '';
      const fields: AnnotationField[] = input.field ? [input.field] : ['title', 'abstract'];
      const found = fields
        .map((f) => ({ f, at: findQuote(paper[f], quote) }))
        .find((x) => x.at !== null);
      if (!found?.at) {
        const shown = quote.length > 80 ? `${quote.slice(0, 80)}…` : quote;
        throw new QuireError(
          'invalid_input',
          `The quote "${shown}" does not occur in the paper's ${fields.join(' or ')}.`,
        );
      }
      field = found.f;
      ({ start, end } = found.at);
    }
    let selectors;
    try {
      selectors = selectorsOf(paper[field], start, end);
    } catch (err) {
      throw new QuireError('invalid_input', `Cannot highlight that: ${(err as Error).message}.`);
    }
    const saved = await this.store.change((s) => {
      const kind = input.kind ?? s.kinds[0]!.id;
      this.checkKind(s.kinds, kind);
      const now = new Date().toISOString();
      const a: StoredAnnotation = {
        id: randomUUID(),
        paperId: paper.id,
        field,
        selectors,
        kind,
        comment: input.comment,
        created: now,
        modified: now,
      };
      s.annotations.push(a);
      return a;
    });
    return this.view(saved, paper);
  }

  async update(input: ParsedInputOf<'annotations:update'>): Promise<Annotation> {
    const saved = await this.store.change((s) => {
      const i = s.annotations.findIndex((a) => a.id === input.id);
      if (i < 0) throw new QuireError('not_found', `No highlight with id "${input.id}".`);
      if (input.kind !== undefined) this.checkKind(s.kinds, input.kind);
      const a = s.annotations[i]!;
      const next: StoredAnnotation = {
        ...a,
        kind: input.kind ?? a.kind,
        comment: input.comment ?? a.comment,
        modified: new Date().toISOString(),
      };
      s.annotations[i] = next;
      return next;
    });
    return this.view(saved, this.paper(saved.paperId));
  }

  /** Moves highlights (chosen by `pick`) to a trash entry; returns how many moved. */
  private trash(
    s: AnnotationState,
    token: string,
    reason: 'remove' | 'paper-delete',
    pick: (a: StoredAnnotation) => boolean,
  ): number {
    const moved = s.annotations.filter(pick);
    if (moved.length === 0) return 0;
    s.annotations = s.annotations.filter((a) => !pick(a));
    s.trash.push({ token, at: new Date().toISOString(), reason, annotations: moved });
    while (s.trash.length > TRASH_DEPTH) s.trash.shift();
    return moved.length;
  }

  /** Puts a trash entry's highlights back (those not already present); null when the token is unknown. */
  private untrash(
    s: AnnotationState,
    token: string,
    reason: 'remove' | 'paper-delete',
  ): number | null {
    const i = s.trash.findIndex((t) => t.token === token && t.reason === reason);
    if (i < 0) return null;
    const [entry] = s.trash.splice(i, 1);
    const have = new Set(s.annotations.map((a) => a.id));
    const back = entry!.annotations.filter((a) => !have.has(a.id));
    s.annotations.push(...back);
    ensureKinds(s, back);
    return back.length;
  }

  async remove(ids: string[]): Promise<{ removed: number; undoToken: string }> {
    const token = randomBytes(9).toString('base64url');
    const wanted = new Set(ids);
    const removed = await this.store.change((s) => {
      const n = this.trash(s, token, 'remove', (a) => wanted.has(a.id));
      if (n === 0) throw new QuireError('not_found', 'None of those highlights exist.');
      return n;
    });
    return { removed, undoToken: token };
  }

  async undoRemove(token: string): Promise<{ restored: number }> {
    const restored = await this.store.change((s) => this.untrash(s, token, 'remove'));
    if (restored === null)
      throw new QuireError(
        'not_found',
        'Nothing to undo: that removal is too old or was already undone.',
      );
    return { restored };
  }

  /** The library deleted papers: their highlights go to the trash under the delete's undo token. */
  async papersDeleted(paperIds: string[], undoToken: string): Promise<number> {
    const gone = new Set(paperIds);
    const state = await this.store.read();
    if (!state.annotations.some((a) => gone.has(a.paperId))) return 0;
    return this.store.change((s) =>
      this.trash(s, undoToken, 'paper-delete', (a) => gone.has(a.paperId)),
    );
  }

  /** The library restored deleted papers: their highlights come back from the trash. */
  async papersRestored(undoToken: string): Promise<number> {
    const state = await this.store.read();
    if (!state.trash.some((t) => t.token === undoToken && t.reason === 'paper-delete')) return 0;
    return (await this.store.change((s) => this.untrash(s, undoToken, 'paper-delete'))) ?? 0;
  }

  async kinds(): Promise<AnnotationKind[]> {
    return (await this.store.read()).kinds;
  }

  async setKinds(kinds: AnnotationKind[]): Promise<AnnotationKind[]> {
    const seen = new Set<string>();
    for (const k of kinds) {
      if (seen.has(k.id))
        throw new QuireError('invalid_input', `The kind "${k.id}" is listed twice.`);
      seen.add(k.id);
    }
    return this.store.change((s) => {
      const used = new Map<string, number>();
      for (const a of s.annotations) used.set(a.kind, (used.get(a.kind) ?? 0) + 1);
      for (const [kind, n] of used)
        if (!seen.has(kind) && s.kinds.some((k) => k.id === kind))
          throw new QuireError(
            'invalid_input',
            `The kind "${kind}" is used by ${n} highlight${n === 1 ? '' : 's'}; give ${n === 1 ? 'it' : 'them'} another kind before removing it.`,
          );
      s.kinds = kinds.map((k) => ({ ...k, color: k.color.toLowerCase() }));
      return s.kinds;
    });
  }

  /** Moves whenever highlights or kinds change, in this process or another (see the store). */
  revision(): Promise<number> {
    return this.store.revision();
  }

  /** Each paper's highlights as quoted (id, kind, text), for tagging's evidence. */
  async quotesByPaper(): Promise<Map<string, { id: string; kind: string; quote: string }[]>> {
    const out = new Map<string, { id: string; kind: string; quote: string }[]>();
    for (const a of (await this.store.read()).annotations) {
      const list = out.get(a.paperId) ?? [];
      list.push({ id: a.id, kind: a.kind, quote: a.selectors.quote.exact });
      out.set(a.paperId, list);
    }
    return out;
  }

  /** Paper ids with at least one highlight of a kind (`*`: any kind), for the library filter. */

  async papersWithKind(kind: string): Promise<ReadonlySet<string>> {
    const state = await this.store.read();
    return new Set(
      state.annotations.filter((a) => kind === '*' || a.kind === kind).map((a) => a.paperId),
    );
  }

  /**
   * The highlights of a search hit's paper that a highlighted span falls inside, or whose comment
   * holds a word of the query: what lets a result say "inside your highlight".
   */
  async hitAnnotations(
    paper: Paper,
    highlights: { title: Span[]; abstract: Span[] },
    query: string,
  ): Promise<HitAnnotation[]> {
    const state = await this.store.read();
    const words = foldedWords(query);
    const out: HitAnnotation[] = [];
    for (const a of state.annotations) {
      if (a.paperId !== paper.id) continue;
      const at = this.anchorOf(a, paper);
      if (!at) continue;
      const inside = highlights[a.field].some(([s, e]) => s < at.end && e > at.start);
      const comment = fold(a.comment);
      const inComment = words.length > 0 && words.some((w) => comment.includes(w));
      if (inside || inComment)
        out.push({
          annotationId: a.id,
          field: a.field,
          kind: a.kind,
          start: at.start,
          end: at.end,
          inComment,
        });
    }
    return out;
  }

  async export(format: 'w3c' | 'markdown', paperIds?: string[]): Promise<AnnotationExportResult> {
    const state = await this.store.read();
    const only = paperIds ? new Set(paperIds) : null;
    const items = this.views(state).filter((a) => !only || only.has(a.paperId));
    if (format === 'w3c') {
      const content = `${JSON.stringify(
        toW3CCollection(items.map((a) => toW3CAnnotation(a, this.paper(a.paperId)))),
        null,
        2,
      )}\n`;
      const filename = 'quire-highlights.jsonld';
      return {
        format,
        count: items.length,
        content,
        filename,
        mime: 'application/ld+json',
        files: [{ name: filename, content }],
      };
    }
    const byPaper = new Map<string, Annotation[]>();
    for (const a of items) byPaper.set(a.paperId, [...(byPaper.get(a.paperId) ?? []), a]);
    const files = [...byPaper].map(([id, list]) => {
      const p = this.paper(id);
      return { name: markdownFileName(p), content: paperMarkdown(p, list, state.kinds) };
    });
    return {
      format,
      count: items.length,
      content: files.map((f) => f.content).join('\n'),
      filename: 'quire-highlights.md',
      mime: 'text/markdown',
      files,
    };
  }

  async import(text: string, name: string): Promise<AnnotationImportResult> {
    let doc: unknown;
    try {
      doc = JSON.parse(text);
    } catch (err) {
      throw new QuireError('invalid_file', `${name} is not JSON: ${(err as Error).message}`);
    }
    let raws: unknown[];
    try {
      raws = annotationsOf(doc);
    } catch (err) {
      throw new QuireError('invalid_file', `${name}: ${(err as Error).message}.`);
    }
    const match = paperMatcher(this.papers.all());
    const keptAside: (KeptAside & { raw: unknown })[] = [];
    const ready: { p: ParsedW3C; paper: Paper }[] = [];
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
      ready.push({ p, paper });
    }
    const result = await this.store.change((s) => {
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
    });
    let keptAsideFile: string | null = null;
    if (keptAside.length > 0) {
      const dir = join(this.store.libraryDir, KEPT_ASIDE_DIR);
      await mkdir(dir, { recursive: true });
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      const base = name.replace(/[^\w.-]+/g, '_').slice(0, 80) || 'annotations.jsonld';
      keptAsideFile = join(dir, `${stamp}-${base}${base.endsWith('.jsonld') ? '' : '.jsonld'}`);
      const items = keptAside.map((k) => ({
        ...(typeof k.raw === 'object' && k.raw !== null && !Array.isArray(k.raw)
          ? k.raw
          : { value: k.raw }),
        'urn:quire:keptAsideBecause': k.reason,
      }));
      await writeFileAtomic(
        keptAsideFile,
        `${JSON.stringify({ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationCollection', label: `Kept aside from ${name}`, total: items.length, first: { type: 'AnnotationPage', startIndex: 0, items } }, null, 2)}\n`,
      );
    }
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
}

/** Restored highlights whose kind was removed from the list meanwhile bring it back (grey). */
function ensureKinds(s: AnnotationState, back: StoredAnnotation[]): void {
  for (const a of back)
    if (!s.kinds.some((k) => k.id === a.kind))
      s.kinds.push({ id: a.kind, label: a.kind, color: IMPORTED_KIND_COLOR });
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

/** The kind of an imported annotation: a tag naming a kind (id or label), else a new kind, else the first. */
function kindFor(s: AnnotationState, tags: string[]): string {
  for (const t of tags) {
    const k = s.kinds.find((x) => x.id === t || collator.compare(x.label, t) === 0);
    if (k) return k.id;
  }
  for (const t of tags) {
    const id = fold(t)
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40);
    if (id && s.kinds.length < 100) {
      s.kinds.push({ id, label: t.trim().slice(0, 60), color: IMPORTED_KIND_COLOR });
      return id;
    }
  }
  return s.kinds[0]!.id;
}

/** Finds the paper an imported annotation targets: Quire id, then DOI, arXiv id, title. */
function paperMatcher(papers: Paper[]): (p: ParsedW3C) => Paper | undefined {
  const byId = new Map<string, Paper>();
  const byDoi = new Map<string, Paper>();
  const byArxiv = new Map<string, Paper>();
  const byTitle = new Map<string, Paper>();
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
