// Library service: list (filter, sort, page), get, edit notes and tags, delete with undo.
import { QuireError } from '@shared/api/errors';
import type { ParsedInputOf } from '@shared/api/contract';
import type { ColumnFill, ListResult, Paper, TagCount } from '@shared/api/schemas';
import {
  filterSets,
  hasFilters,
  matchesFilters,
  words,
  type AnnotatedPapers,
  type ClusterPapers,
  type FilterSets,
  type SuggestedPapers,
} from './filter';
import { byTitleMatch } from '@shared/papers/title-match';
import { SortedOrders, walkIsCheaper } from './sort';
import type { PaperHead } from './paper-head';
import type { PaperStore } from './store';
import { newToken } from '../tokens';

/** The filter whose papers a list looks at (LibraryService.fewest). */
type Pool = 'ids' | 'tag' | 'text' | 'suggestedTag' | 'cluster' | 'annotationKind';

/** The set each filter is answered by (filter.ts's FilterSets). */
const SET_OF = {
  text: 'text',
  suggestedTag: 'suggested',
  cluster: 'cluster',
  annotationKind: 'annotated',
} as const;

/** Papers read and written at a time when tagging many (LibraryService.tagPapers). */
const TAG_CHUNK = 5_000;

/** How many deletes stay undoable. */
const UNDO_DEPTH = 20;

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** Which optional columns any paper fills; stops scanning as soon as all of them are found. */
export function columnFill(papers: readonly PaperHead[]): ColumnFill {
  const f: ColumnFill = { authors: false, year: false, venue: false, tags: false };
  for (const p of papers) {
    f.authors ||= p.authors.length > 0;
    f.year ||= p.year != null;
    f.venue ||= p.venue.trim() !== '';
    f.tags ||= p.tags.length > 0;
    if (f.authors && f.year && f.venue && f.tags) break;
  }
  return f;
}

export class LibraryService {
  private readonly undo = new Map<string, Paper[]>();
  private readonly orders: SortedOrders;
  private fill: { revision: number; value: ColumnFill } | undefined;

  constructor(
    private readonly store: PaperStore,
    /** Pending suggestions by tag, for the `suggestedTag` filter (absent: no paper matches it). */
    private readonly suggested?: SuggestedPapers,
    /** Members of a topic-map cluster, for the `cluster` filter (absent: no paper matches it). */
    private readonly clusterPapers?: ClusterPapers,
    /** Papers with a highlight of a kind, for the `annotationKind` filter (absent: none match). */
    private readonly annotated?: AnnotatedPapers,
  ) {
    this.orders = new SortedOrders(store);
  }

  async list(input: ParsedInputOf<'library:list'>): Promise<ListResult> {
    // Whoever lists is likely to filter next: have the word index ready by then.
    this.store.warmWords();
    const filters = {
      text: input.text,
      tag: input.tag,
      suggestedTag: input.suggestedTag,
      cluster: input.cluster,
      annotationKind: input.annotationKind,
    };
    const textWords = words(input.text);
    const sets = await filterSets(
      filters,
      (typed) => this.store.withWords(typed),
      this.suggested,
      this.clusterPapers,
      this.annotated,
    );
    const pool = this.fewest(input, sets);
    const few = pool?.papers;
    const only = input.ids ? new Set(input.ids) : undefined;
    const filtered = hasFilters(filters);
    const passes = (p: PaperHead) =>
      (!only || only.has(p.id)) && (!filtered || matchesFilters(p, filters, textWords, sets));
    // The pool's papers pass the filter that named them: they are checked against the others only.
    const rest = { ...filters, [pool?.by ?? 'ids']: undefined };
    const restWords = pool?.by === 'text' ? [] : textWords;
    const passesRest = (p: PaperHead) =>
      (pool?.by === 'ids' || !only || only.has(p.id)) &&
      (!hasFilters(rest) || matchesFilters(p, rest, restWords, sets));
    if (input.sort !== 'match' && few) {
      const order = this.orders.get(input.sort, input.dir);
      // Many papers pass (a common word at 1M papers: 361k): the page is the first of them along the
      // kept order and the total is counted on the pool, so nothing is sorted or copied.
      if (walkIsCheaper(few.length, order.length)) {
        let total = 0;
        if (pool.by !== 'ids' && !only && !hasFilters(rest)) total = few.length;
        else for (const p of few) if (passesRest(p)) total++;
        const end = input.offset + input.limit;
        const page: PaperHead[] = [];
        for (const p of order) {
          if (page.length >= end) break;
          if (passes(p)) page.push(p);
        }
        const items = await this.whole(page.slice(input.offset));
        return { total, offset: input.offset, items, filled: this.columns() };
      }
    }
    // Filtering a kept order keeps it sorted; `match` depends on the text, so it sorts each time.
    let items =
      input.sort === 'match'
        ? (few ?? this.store.all())
        : few
          ? this.orders.ordered(few, input.sort, input.dir)
          : this.orders.get(input.sort, input.dir);
    if (few) items = items.filter(passesRest);
    else if (only || filtered) items = items.filter(passes);
    if (input.sort === 'match')
      items = [...items].sort(
        byTitleMatch(input.text, (a, b) => collator.compare(a.title, b.title)),
      );
    return {
      total: items.length,
      offset: input.offset,
      items: await this.whole(items.slice(input.offset, input.offset + input.limit)),
      filled: this.columns(),
    };
  }

  /** A page's papers with their abstracts (read from the table), in the page's order. */
  private whole(page: readonly PaperHead[]): Promise<Paper[]> {
    return this.store.read(page.map((p) => p.id));
  }

  /** Which optional columns the library fills, computed again only after it changes. */
  private columns(): ColumnFill {
    if (this.fill?.revision !== this.store.revision)
      this.fill = { revision: this.store.revision, value: columnFill(this.store.all()) };
    return this.fill.value;
  }

  /**
   * The smallest set of papers the filters allow, when one of them names its papers (ids, typed
   * words, a tag, a cluster, pending suggestions, highlights): the list then looks at those, not at the library.
   * The filters still all apply to them.
   */
  private fewest(
    input: ParsedInputOf<'library:list'>,
    sets: FilterSets,
  ): { by: Pool; papers: readonly PaperHead[] } | undefined {
    const byIds = (ids: Iterable<string>) => {
      const out: PaperHead[] = [];
      for (const id of ids) {
        const p = this.store.get(id);
        if (p) out.push(p);
      }
      return out;
    };
    const pools: { by: Pool; size: number; papers: () => readonly PaperHead[] }[] = [];
    if (input.ids) {
      const ids = new Set(input.ids);
      pools.push({ by: 'ids', size: ids.size, papers: () => byIds(ids) });
    }
    if (input.tag) {
      const tagged = this.orders.tagged(input.tag);
      pools.push({ by: 'tag', size: tagged.length, papers: () => tagged });
    }
    for (const by of ['text', 'suggestedTag', 'cluster', 'annotationKind'] as const) {
      const set = sets[SET_OF[by]];
      if (set) pools.push({ by, size: set.size, papers: () => set.heads ?? byIds(set) });
    }
    if (pools.length === 0) return undefined;
    const { by, papers } = pools.reduce((a, b) => (b.size < a.size ? b : a));
    return { by, papers: papers() };
  }

  /** The whole paper, abstract included. */
  async get(id: string): Promise<Paper> {
    const [p] = this.store.get(id) ? await this.store.read([id]) : [];
    if (!p) throw new QuireError('not_found', `No paper with id "${id}".`);
    return p;
  }

  async update(input: ParsedInputOf<'library:update'>): Promise<Paper> {
    const p = await this.get(input.id);
    const tags = input.tags === undefined ? p.tags : [...new Set(input.tags.map((t) => t.trim()))];
    const next: Paper = {
      ...p,
      notes: input.notes ?? p.notes,
      tags,
      updatedAt: new Date().toISOString(),
    };
    await this.store.update([next]);
    return next;
  }

  /**
   * Adds `tag` to the papers of `ids` (or takes it off them): the papers that change are read and
   * written `chunk` at a time, one write per chunk, not one per paper. All or nothing: when a write
   * fails after earlier chunks were written, the table goes back to where it was before the call.
   * Answers each paper as it was and as it is now (a paper gone before its chunk was read counts as
   * missing); `missing` counts the ids the library does not hold.
   */
  async tagPapers(
    ids: readonly string[],
    change: { add: string } | { remove: string },
    chunk = TAG_CHUNK,
  ): Promise<{ changes: { before: PaperHead; after: Paper }[]; missing: number }> {
    const adding = 'add' in change;
    const tag = (adding ? change.add : change.remove).trim();
    const asked = new Set(ids);
    const heads: PaperHead[] = [];
    let missing = 0;
    for (const id of asked) {
      const head = this.store.get(id);
      if (!head) missing++;
      else if (head.tags.includes(tag) !== adding) heads.push(head);
    }
    if (missing > 0 && missing === asked.size)
      throw new QuireError('not_found', 'None of those papers exist.');
    const changes: { before: PaperHead; after: Paper }[] = [];
    const updatedAt = new Date().toISOString();
    const edit = (p: Paper): Paper => ({
      ...p,
      tags: p.tags.filter((t) => t !== tag).concat(adding ? [tag] : []),
      updatedAt,
    });
    const start = heads.length > chunk ? await this.store.version() : undefined;
    try {
      for (let at = 0; at < heads.length; at += chunk) {
        const part = heads.slice(at, at + chunk);
        const done = await this.editChunk(part, edit);
        changes.push(...done);
        missing += part.length - done.length;
      }
    } catch (err) {
      if (start !== undefined) await this.store.rollbackTo(start);
      throw err;
    }
    return { changes, missing };
  }

  /** Reads these papers whole, edits and writes them in one commit; answers them in `heads`' order. */
  private async editChunk(
    heads: readonly PaperHead[],
    edit: (p: Paper) => Paper,
  ): Promise<{ before: PaperHead; after: Paper }[]> {
    // In the order asked for, whatever order the table reads them in.
    const position = new Map(heads.map((h, i) => [h.id, i]));
    const papers = (await this.store.read(heads.map((h) => h.id))).filter((p) =>
      position.has(p.id),
    );
    papers.sort((a, b) => position.get(a.id)! - position.get(b.id)!);
    const next = papers.map(edit);
    await this.store.update(next);
    return next.map((p) => ({ before: heads[position.get(p.id)!]!, after: p }));
  }

  async delete(ids: string[]): Promise<{ deleted: number; undoToken: string }> {
    const removed = await this.store.remove(ids);
    if (removed.length === 0) throw new QuireError('not_found', 'None of those papers exist.');
    const token = newToken();
    this.undo.set(token, removed);
    while (this.undo.size > UNDO_DEPTH) this.undo.delete(this.undo.keys().next().value!);
    return { deleted: removed.length, undoToken: token };
  }

  async undoDelete(token: string): Promise<{ restored: number }> {
    const papers = this.undo.get(token);
    if (!papers) {
      throw new QuireError(
        'not_found',
        'Nothing to undo: that delete is too old or was already undone.',
      );
    }
    this.undo.delete(token);
    const missing = papers.filter((p) => !this.store.get(p.id));
    await this.store.add(missing);
    return { restored: missing.length };
  }

  tags(): TagCount[] {
    const counts = new Map<string, number>();
    for (const p of this.store.all())
      for (const t of p.tags) counts.set(t, (counts.get(t) ?? 0) + 1);
    return [...counts]
      .map(([tag, count]) => ({ tag, count }))
      .sort((a, b) => b.count - a.count || collator.compare(a.tag, b.tag));
  }
}
