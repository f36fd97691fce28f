// What the library's own text teaches search: its words (with document frequencies), its hyphenated
// compounds, and its abbreviations ("GNN" = "graph neural network"), kept per library and updated
// incrementally from the papers table whenever it changes (import, edit, delete, another process).
import type { Paper } from '../../../shared/api/schemas';
import { findDefinitions } from './abbreviations';
import { hyphenatedCompounds, joinCompound } from './compound';
import { lightStem, tokens } from './words';

/** A source of papers that says when they changed (PaperStore). */
export type PaperSource = { readonly revision: number; all(): Paper[] };

export type Alias = { short: string; long: string; count: number };

function bump<K>(m: Map<K, number>, k: K, by: number): void {
  const n = (m.get(k) ?? 0) + by;
  if (n > 0) m.set(k, n);
  else m.delete(k);
}

export class LibraryTerms {
  private seen = -1;
  private papers = new Map<string, Paper>();
  /** Word → number of papers using it (title or abstract). */
  private readonly wordDf = new Map<string, number>();
  /** Joined compound ("oversquashing") → spelling with hyphens ("over-squashing") → papers. */
  private readonly compoundDf = new Map<string, Map<string, number>>();
  /** Short form, lower case → long form → papers defining it so. */
  private readonly defs = new Map<string, Map<string, number>>();
  /** Short form, lower case → its most frequent spelling ("GNN"). */
  private readonly spelling = new Map<string, Map<string, number>>();
  /** Aliases by the light stem of their long form's first word; rebuilt after a change. */
  private byFirstWord: Map<string, Alias[]> | null = null;

  /** Brings the tables up to date with `source` (cheap when nothing changed). */
  sync(source: PaperSource): this {
    if (source.revision === this.seen) return this;
    const now = new Map(source.all().map((p) => [p.id, p]));
    for (const [id, old] of this.papers) {
      const cur = now.get(id);
      if (!cur || cur.title !== old.title || cur.abstract !== old.abstract) this.count(old, -1);
    }
    for (const [id, cur] of now) {
      const old = this.papers.get(id);
      if (!old || cur.title !== old.title || cur.abstract !== old.abstract) this.count(cur, 1);
    }
    this.papers = now;
    this.seen = source.revision;
    this.byFirstWord = null;
    return this;
  }

  private count(p: Paper, by: 1 | -1): void {
    for (const w of new Set([...tokens(p.title), ...tokens(p.abstract)])) bump(this.wordDf, w, by);
    const compounds = new Set([
      ...hyphenatedCompounds(p.title),
      ...hyphenatedCompounds(p.abstract),
    ]);
    for (const c of compounds) {
      const j = joinCompound(c);
      const m = this.compoundDf.get(j) ?? new Map<string, number>();
      bump(m, c, by);
      if (m.size) this.compoundDf.set(j, m);
      else this.compoundDf.delete(j);
    }
    const seen = new Set<string>();
    for (const d of [...findDefinitions(p.title), ...findDefinitions(p.abstract)]) {
      const key = d.short.toLowerCase();
      if (seen.has(`${key}\n${d.long}`)) continue;
      seen.add(`${key}\n${d.long}`);
      for (const [table, value] of [
        [this.defs, d.long],
        [this.spelling, d.short],
      ] as const) {
        const m = table.get(key) ?? new Map<string, number>();
        bump(m, value, by);
        if (m.size) table.set(key, m);
        else table.delete(key);
      }
    }
  }

  /** Papers using `word` (folded, unstemmed). */
  df(word: string): number {
    return this.wordDf.get(word) ?? 0;
  }

  hasWord(word: string): boolean {
    return this.wordDf.has(word);
  }

  /** How the library hyphenates a joined compound ("oversquashing" → "over-squashing"), if it does. */
  compound(joined: string): string | undefined {
    const m = this.compoundDf.get(joined);
    return m ? top(m) : undefined;
  }

  /** The long forms an abbreviation stands for in this library, most frequent first. */
  longForms(short: string): Alias[] {
    const key = short.toLowerCase();
    const m = this.defs.get(key);
    if (!m) return [];
    const spelled = top(this.spelling.get(key)!) ?? short;
    return [...m]
      .map(([long, count]) => ({ short: spelled, long, count }))
      .sort((a, b) => b.count - a.count || a.long.localeCompare(b.long));
  }

  /** Every alias, for display. */
  aliases(): Alias[] {
    return [...this.defs.keys()].flatMap((k) => this.longForms(k));
  }

  /** Aliases whose long form starts with a word of this light stem (the long → short direction). */
  aliasesStartingWith(stem: string): Alias[] {
    if (!this.byFirstWord) {
      this.byFirstWord = new Map();
      for (const a of this.aliases()) {
        const first = lightStem(a.long.split(' ')[0]!);
        this.byFirstWord.set(first, [...(this.byFirstWord.get(first) ?? []), a]);
      }
    }
    return this.byFirstWord.get(stem) ?? [];
  }

  /** Number of papers the tables were built from. */
  get size(): number {
    return this.papers.size;
  }
}

function top(m: Map<string, number>): string | undefined {
  let best: string | undefined;
  let n = -1;
  for (const [k, c] of m) {
    if (c > n || (c === n && best !== undefined && k < best)) {
      best = k;
      n = c;
    }
  }
  return best;
}
