// The vocabulary's operations: add (or describe), rename, merge and remove with undo. Renames and
// merges rewrite the papers' tags (through the library store) and the stored suggestions together.
import type { ParsedInputOf } from '@shared/api/contract';
import { QuireError } from '@shared/api/errors';
import type { TagInfo } from '@shared/api/tagging-contract';
import { pairKey, type TaggingContext } from './context';
import type { Origin, StoredSuggestion, StoredTag } from './tagging-store';
import { defaultColor } from './vocabulary';

type RemovedTag = {
  kind: 'tags:remove';
  tag: StoredTag;
  paperIds: string[];
  suggestions: StoredSuggestion[];
  origins: [string, Origin][];
};

const DECIDED_RANK = { accepted: 2, rejected: 1, pending: 0 } as const;

export class TagAdmin {
  constructor(private readonly c: TaggingContext) {}

  list(): TagInfo[] {
    return this.c.tagInfos(this.c.vocabulary());
  }

  async add(input: ParsedInputOf<'tags:add'>): Promise<TagInfo> {
    const existing = this.c.vocabulary().find((t) => t.name === input.name);
    const description = input.description?.trim().replace(/\s+/g, ' ');
    const tag: StoredTag = existing
      ? {
          ...existing,
          description: description ?? existing.description,
          color: input.color ?? existing.color,
          createdAt: existing.createdAt || new Date().toISOString(),
        }
      : {
          name: input.name,
          description: description ?? '',
          color: input.color ?? defaultColor(input.name),
          createdAt: new Date().toISOString(),
        };
    await this.c.store.change((s) => {
      const i = s.tags.findIndex((t) => t.name === tag.name);
      if (i >= 0) s.tags[i] = tag;
      else s.tags.push(tag);
    });
    return this.c.tagInfo(tag);
  }

  async rename({ from, to }: ParsedInputOf<'tags:rename'>): Promise<TagInfo> {
    const tag = this.c.findTag(from);
    if (from === to) return this.c.tagInfo(tag);
    if (this.c.vocabulary().some((t) => t.name === to))
      throw new QuireError(
        'invalid_input',
        `A tag "${to}" already exists: merge "${from}" into it instead (quire tags merge "${from}" "${to}").`,
      );
    return this.mergeInto(tag, { ...tag, name: to }, true);
  }

  async merge({ from, into }: ParsedInputOf<'tags:merge'>): Promise<TagInfo> {
    if (from === into) throw new QuireError('invalid_input', `Cannot merge "${from}" into itself.`);
    const a = this.c.findTag(from);
    const b = this.c.findTag(into);
    return this.mergeInto(a, { ...b, description: b.description || a.description }, false);
  }

  /** Moves everything of tag `a` to `b` (a rename when `b` is new). */
  private async mergeInto(a: StoredTag, b: StoredTag, isNew: boolean): Promise<TagInfo> {
    await this.c.rewritePapers((p) =>
      p.tags.includes(a.name) ? p.tags.map((t) => (t === a.name ? b.name : t)) : null,
    );
    await this.c.store.change((s) => {
      s.tags = s.tags.filter((t) => t.name !== a.name && t.name !== b.name);
      s.tags.push({ ...b, createdAt: b.createdAt || new Date().toISOString() });
      // Suggestions: one per (paper, tag, tagger); on a clash the decided one wins.
      const keep = new Map<string, StoredSuggestion>();
      const others: StoredSuggestion[] = [];
      for (const sg of s.suggestions) {
        if (sg.tag !== a.name && sg.tag !== b.name) {
          others.push(sg);
          continue;
        }
        const moved = { ...sg, tag: b.name };
        const key = `${pairKey(moved.paperId, moved.tag)}\u0000${moved.tagger}`;
        const prev = keep.get(key);
        if (!prev || DECIDED_RANK[moved.decision] > DECIDED_RANK[prev.decision])
          keep.set(key, moved);
      }
      s.suggestions = [...others, ...keep.values()];
      for (const o of Object.values(s.origins)) {
        if (!(a.name in o)) continue;
        if (isNew || !(b.name in o)) o[b.name] = o[a.name]!;
        delete o[a.name];
      }
    });
    return this.c.tagInfo(this.c.findTag(b.name));
  }

  async remove({ name }: ParsedInputOf<'tags:remove'>): Promise<{
    removedFromPapers: number;
    undoToken: string;
  }> {
    const tag = this.c.findTag(name);
    const changed = await this.c.rewritePapers((p) =>
      p.tags.includes(name) ? p.tags.filter((t) => t !== name) : null,
    );
    const record: RemovedTag = {
      kind: 'tags:remove',
      tag,
      paperIds: changed.map((p) => p.id),
      suggestions: this.c.state.suggestions.filter((s) => s.tag === name),
      origins: Object.entries(this.c.state.origins)
        .filter(([, o]) => name in o)
        .map(([id, o]) => [id, o[name]!]),
    };
    await this.c.store.change((s) => {
      s.tags = s.tags.filter((t) => t.name !== name);
      s.suggestions = s.suggestions.filter((sg) => sg.tag !== name);
      for (const o of Object.values(s.origins)) delete o[name];
    });
    return { removedFromPapers: changed.length, undoToken: await this.c.remember(record) };
  }

  async undoRemove({ undoToken }: ParsedInputOf<'tags:undoRemove'>): Promise<TagInfo> {
    const r = this.c.peekUndo<RemovedTag>(undoToken, 'tag removal');
    if (r.kind !== 'tags:remove')
      throw new QuireError('invalid_input', 'That undo token is not from a tag removal.');
    const ids = new Set(r.paperIds);
    await this.c.rewritePapers((p) =>
      ids.has(p.id) && !p.tags.includes(r.tag.name) ? [...p.tags, r.tag.name] : null,
    );
    await this.c.store.change((s) => {
      if (!s.tags.some((t) => t.name === r.tag.name) && r.tag.createdAt) s.tags.push(r.tag);
      const have = new Set(s.suggestions.map((sg) => sg.id));
      s.suggestions.push(...r.suggestions.filter((sg) => !have.has(sg.id)));
      for (const [id, origin] of r.origins) (s.origins[id] ??= {})[r.tag.name] ??= origin;
      this.c.forgetUndo(s, undoToken);
    });
    return this.c.tagInfo(this.c.findTag(r.tag.name));
  }
}
