// Annotation service: highlights on a paper's title or abstract — add from a selection or a quote,
// re-anchor on read (orphaned ones kept and flagged), edit, remove with undo, the kinds list, search
// within highlights and comments, the trash hook for deleted papers, W3C / Markdown export, import.
import { randomUUID } from 'node:crypto';
import type { ParsedInputOf } from '@shared/api/contract';
import type { AnnotationPage } from '@shared/api/annotations-contract';
import { QuireError } from '@shared/api/errors';
import type { Paper, Span } from '@shared/api/schemas';
import { anchor } from '@shared/annotations/anchor';
import type {
  Anchor,
  Annotation,
  AnnotationExportResult,
  AnnotationField,
  AnnotationImportResult,
  AnnotationKind,
  HitAnnotation,
  StoredAnnotation,
} from '@shared/annotations/types';
import { exportAnnotations } from './annotation-export';
import { importAnnotations } from './annotation-import';
import type { AnnotationState, AnnotationStore } from './annotation-store';
import { collator, fold, foldedWords } from './fold';
import { checkKind, checkKindsInUse, distinctKindIds } from './kinds';
import { selectionIn } from './selection';
import { moveToTrash, restoreFromTrash } from './trash';
import type { PaperReader } from '../library/paper-head';
import { newToken } from '../tokens';

export { KEPT_ASIDE_DIR } from './annotation-import';
export { fold } from './fold';

/** The papers the service reads: heads from the library's in-memory copy, text from the table. */
export type PaperSource = Pick<PaperReader, 'get' | 'all' | 'read'>;

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

  /** A paper, whole (its abstract holds highlights). */
  private async paper(id: string): Promise<Paper> {
    const [p] = this.papers.get(id) ? await this.papers.read([id]) : [];
    if (!p) throw new QuireError('not_found', `No paper with id "${id}".`);
    return p;
  }

  /** The highlighted papers of `state`, whole, by id (papers no longer in the library are absent). */
  private async highlighted(annotations: readonly StoredAnnotation[]): Promise<Map<string, Paper>> {
    const ids = [...new Set(annotations.map((a) => a.paperId))];
    return new Map((await this.papers.read(ids)).map((p) => [p.id, p]));
  }

  /** Highlights whose paper is in the library, as views (deleted papers' highlights are in the trash). */
  private async views(state: AnnotationState, paperId?: string): Promise<Annotation[]> {
    const mine = state.annotations.filter((a) => paperId === undefined || a.paperId === paperId);
    const papers = await this.highlighted(mine);
    const out: Annotation[] = [];
    for (const a of mine) {
      const p = papers.get(a.paperId);
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
    const items = (await this.views(state, input.paperId)).filter(
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
    const p = a && (await this.highlighted([a])).get(a.paperId);
    if (!a || !p) throw new QuireError('not_found', `No highlight with id "${id}".`);
    return this.view(a, p);
  }

  async add(input: ParsedInputOf<'annotations:add'>): Promise<Annotation> {
    const paper = await this.paper(input.paperId);
    const { field, selectors } = selectionIn(paper, input);
    const saved = await this.store.change((s) => {
      const kind = input.kind ?? s.kinds[0]!.id;
      checkKind(s.kinds, kind);
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
      if (input.kind !== undefined) checkKind(s.kinds, input.kind);
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
    return this.view(saved, await this.paper(saved.paperId));
  }

  async remove(ids: string[]): Promise<{ removed: number; undoToken: string }> {
    const token = newToken();
    const wanted = new Set(ids);
    const removed = await this.store.change((s) => {
      const n = moveToTrash(s, token, 'remove', (a) => wanted.has(a.id));
      if (n === 0) throw new QuireError('not_found', 'None of those highlights exist.');
      return n;
    });
    return { removed, undoToken: token };
  }

  async undoRemove(token: string): Promise<{ restored: number }> {
    const restored = await this.store.change((s) => restoreFromTrash(s, token, 'remove'));
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
      moveToTrash(s, undoToken, 'paper-delete', (a) => gone.has(a.paperId)),
    );
  }

  /** The library restored deleted papers: their highlights come back from the trash. */
  async papersRestored(undoToken: string): Promise<number> {
    const state = await this.store.read();
    if (!state.trash.some((t) => t.token === undoToken && t.reason === 'paper-delete')) return 0;
    return (await this.store.change((s) => restoreFromTrash(s, undoToken, 'paper-delete'))) ?? 0;
  }

  async kinds(): Promise<AnnotationKind[]> {
    return (await this.store.read()).kinds;
  }

  async setKinds(kinds: AnnotationKind[]): Promise<AnnotationKind[]> {
    const ids = distinctKindIds(kinds);
    return this.store.change((s) => {
      checkKindsInUse(s, ids);
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
   * For each search hit, the highlights of its paper that a highlighted span falls inside, or whose
   * comment holds a word of the query: what lets a result say "inside your highlight". The
   * highlights are read once per search, not once per hit.
   */
  async hitAnnotations(
    hits: readonly { paper: Paper; highlights: { title: Span[]; abstract: Span[] } }[],
    query: string,
  ): Promise<HitAnnotation[][]> {
    const state = await this.store.read();
    const byPaper = new Map<string, typeof state.annotations>();
    for (const a of state.annotations)
      byPaper.set(a.paperId, [...(byPaper.get(a.paperId) ?? []), a]);
    const words = foldedWords(query);
    return hits.map(({ paper, highlights }) => {
      const out: HitAnnotation[] = [];
      for (const a of byPaper.get(paper.id) ?? []) {
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
    });
  }

  async export(format: 'w3c' | 'markdown', paperIds?: string[]): Promise<AnnotationExportResult> {
    const state = await this.store.read();
    const only = paperIds ? new Set(paperIds) : null;
    const items = (await this.views(state)).filter((a) => !only || only.has(a.paperId));
    const papers = await this.highlighted(items);
    const paperOf = (id: string) => {
      const p = papers.get(id);
      if (!p) throw new QuireError('not_found', `No paper with id "${id}".`);
      return p;
    };
    return exportAnnotations(format, items, paperOf, state.kinds);
  }

  import(text: string, name: string): Promise<AnnotationImportResult> {
    return importAnnotations(this.store, this.papers, text, name);
  }
}
