// Test helper: an in-memory model of the tagging service (vocabulary, suggestions, decisions, undo,
// LLM settings) answering with contract-typed replies, for renderer tests through fakeApi.
import type { CallOptions } from '@shared/api/contract';
import { QuireError } from '@shared/api/errors';
import type {
  Decision,
  LlmSettings,
  Suggestion,
  TagInfo,
  TaggerName,
} from '@shared/api/tagging-contract';
import type { FakeHandlers } from './fakeApi';

export type FakeTagging = {
  handlers: FakeHandlers;
  tags: Map<string, { description: string; color: string; papers: Set<string> }>;
  suggestions: Suggestion[];
  llm: LlmSettings;
  /** What tags:list answers now. */
  vocabulary(): TagInfo[];
};

let seq = 0;

export function suggestion(
  i: number,
  tag: string,
  score: number,
  over: Partial<Suggestion> = {},
): Suggestion {
  return {
    id: `s${i}-${tag}`,
    paperId: `p${i}`,
    title: `Paper ${String(i).padStart(4, '0')}`,
    tag,
    tagger: 'zero-shot',
    model: 'Xenova/all-MiniLM-L6-v2',
    score,
    evidence: { similarity: score, terms: [tag.split('-')[0] ?? tag] },
    createdAt: new Date(Date.UTC(2026, 10, 30, 7, 0, i)).toISOString(),
    decision: 'pending',
    decidedAt: null,
    ...over,
  };
}

type Init = {
  tags?: { name: string; description?: string; color?: string; papers?: string[] }[];
  suggestions?: Suggestion[];
  llm?: Partial<LlmSettings>;
  /** Runs of tagging:suggest add these (once each), honouring cancel between papers. */
  toSuggest?: Suggestion[];
};

/** The fake's data and the bookkeeping every handler shares (undo tokens, tag info, decisions). */
function fakeState(init: Init) {
  const tags: FakeTagging['tags'] = new Map(
    (init.tags ?? []).map((t) => [
      t.name,
      { description: t.description ?? '', color: t.color ?? '#4f46e5', papers: new Set(t.papers) },
    ]),
  );
  const suggestions = [...(init.suggestions ?? [])];
  const llm: LlmSettings = {
    baseUrl: '',
    model: '',
    allowRemote: false,
    timeoutSeconds: 60,
    provider: 'openai-compatible',
    localModel: '',
    embeddingModel: '',
    ...init.llm,
  };
  const undo = new Map<string, () => number>();
  const token = (restore: () => number) => {
    const t = `u${++seq}`;
    undo.set(t, restore);
    return t;
  };
  const info = (name: string): TagInfo => {
    const t = tags.get(name);
    if (!t) throw new QuireError('not_found', `No tag “${name}”.`);
    return {
      name,
      description: t.description,
      color: t.color,
      paperCount: t.papers.size,
      pendingCount: suggestions.filter((s) => s.tag === name && s.decision === 'pending').length,
    };
  };
  const setDecision = (s: Suggestion, d: Decision) => {
    s.decision = d;
    s.decidedAt = d === 'pending' ? null : new Date().toISOString();
    const t = tags.get(s.tag);
    if (t && d === 'accepted') t.papers.add(s.paperId);
    if (t && d !== 'accepted') t.papers.delete(s.paperId);
  };
  const decideAll = (list: Suggestion[], d: Decision) => {
    const before = list.map((s) => s.decision);
    list.forEach((s) => setDecision(s, d));
    return token(() => {
      list.forEach((s, i) => setDecision(s, before[i] ?? 'pending'));
      return list.length;
    });
  };
  return { init, tags, suggestions, llm, undo, token, info, decideAll };
}

type State = ReturnType<typeof fakeState>;

/** tags:* — the vocabulary. */
function tagHandlers({ tags, suggestions, undo, token, info }: State): FakeHandlers {
  return {
    'tags:list': () => [...tags.keys()].sort().map(info),
    'tags:add': (input) => {
      const t = tags.get(input.name) ?? { description: '', color: '#4f46e5', papers: new Set() };
      if (input.description !== undefined) t.description = input.description;
      if (input.color !== undefined) t.color = input.color;
      tags.set(input.name, t);
      return info(input.name);
    },
    'tags:rename': ({ from, to }) => {
      const t = tags.get(from);
      if (!t) throw new QuireError('not_found', `No tag “${from}”.`);
      if (tags.has(to)) throw new QuireError('invalid_input', `“${to}” exists: merge instead.`);
      tags.delete(from);
      tags.set(to, t);
      suggestions.forEach((s) => s.tag === from && (s.tag = to));
      return info(to);
    },
    'tags:merge': ({ from, into }) => {
      const a = tags.get(from);
      const b = tags.get(into);
      if (!a || !b) throw new QuireError('not_found', 'No such tag.');
      a.papers.forEach((p) => b.papers.add(p));
      tags.delete(from);
      suggestions.forEach((s) => s.tag === from && (s.tag = into));
      return info(into);
    },
    'tags:remove': ({ name }) => {
      const t = tags.get(name);
      if (!t) throw new QuireError('not_found', `No tag “${name}”.`);
      const gone = suggestions.filter((s) => s.tag === name);
      tags.delete(name);
      gone.forEach((s) => suggestions.splice(suggestions.indexOf(s), 1));
      return {
        removedFromPapers: t.papers.size,
        undoToken: token(() => {
          tags.set(name, t);
          suggestions.push(...gone);
          return 1;
        }),
      };
    },
    'tags:undoRemove': ({ undoToken }) => {
      const restore = undo.get(undoToken);
      if (!restore) throw new QuireError('not_found', 'Nothing to undo.');
      undo.delete(undoToken);
      restore();
      const name = [...tags.keys()].at(-1) ?? '';
      return info(name);
    },
  };
}

/** tagging:* — suggestions, decisions, bulk accept, undo and runs. */
function suggestionHandlers({ init, suggestions, undo, decideAll }: State): FakeHandlers {
  return {
    'tagging:list': (input) => {
      const decision = input.decision ?? 'pending';
      const list = suggestions
        .filter((s) => decision === 'all' || s.decision === decision)
        .filter((s) => !input.tag || s.tag === input.tag)
        .filter((s) => !input.tagger || s.tagger === input.tagger)
        .filter((s) => !input.paperId || s.paperId === input.paperId)
        .sort((a, b) =>
          (input.sort ?? 'score') === 'score'
            ? b.score - a.score
            : input.sort === 'paper'
              ? a.title.localeCompare(b.title)
              : b.createdAt.localeCompare(a.createdAt),
        );
      const offset = input.offset ?? 0;
      return {
        total: list.length,
        offset,
        items: list.slice(offset, offset + (input.limit ?? 100)),
      };
    },
    'tagging:decide': ({ ids, decision }) => {
      const list = suggestions.filter((s) => ids.includes(s.id));
      if (list.length === 0) throw new QuireError('not_found', 'No such suggestion.');
      return { changed: list.length, undoToken: decideAll(list, decision) };
    },
    'tagging:acceptAbove': ({ tag, minScore, tagger, dryRun }) => {
      const list = suggestions.filter(
        (s) =>
          s.tag === tag &&
          s.decision === 'pending' &&
          s.score >= minScore &&
          (!tagger || s.tagger === tagger),
      );
      if (dryRun || list.length === 0) return { count: list.length, undoToken: null };
      return { count: list.length, undoToken: decideAll(list, 'accepted') };
    },
    'tagging:undo': ({ undoToken }) => {
      const restore = undo.get(undoToken);
      if (!restore) throw new QuireError('not_found', 'Nothing to undo.');
      undo.delete(undoToken);
      return { restored: restore() };
    },
    'tagging:suggest': async (input, opts: CallOptions) => {
      const todo = (init.toSuggest ?? []).filter(
        (n) =>
          !suggestions.some((s) => s.paperId === n.paperId && s.tag === n.tag) &&
          (input.tagger === 'auto' || input.tagger === undefined || n.tagger === input.tagger),
      );
      let created = 0;
      for (const [i, n] of todo.entries()) {
        // Yield between papers, as the service does, so a cancel lands mid-run.
        await new Promise((r) => setTimeout(r, 0));
        if (opts.signal?.aborted) throw new QuireError('cancelled', 'Cancelled.');
        suggestions.push({ ...n });
        created++;
        opts.onProgress?.({ phase: 'zero-shot', done: i + 1, total: todo.length });
      }
      return {
        tagger: (input.tagger ?? 'auto') as TaggerName | 'auto',
        model: 'Xenova/all-MiniLM-L6-v2',
        suggestions: suggestions.filter((s) => s.decision === 'pending'),
        created,
        notTagged: [],
        warnings: [],
        cancelled: false,
      };
    },
  };
}

/** llm:* — the LLM settings and Check. */
function llmHandlers(llm: LlmSettings): FakeHandlers {
  return {
    'llm:get': () => ({ ...llm }),
    'llm:set': (input) => {
      const next = { ...llm, ...input };
      Object.assign(llm, next);
      return { ...llm };
    },
    'llm:check': () =>
      llm.baseUrl
        ? { ok: true, models: ['qwen2.5:0.5b', 'llama3.2:1b'], message: `Reached ${llm.baseUrl}.` }
        : { ok: false, models: [], message: 'No server URL is set.' },
  };
}

export function fakeTagging(init: Init): FakeTagging {
  const state = fakeState(init);
  const handlers: FakeHandlers = {
    ...tagHandlers(state),
    ...suggestionHandlers(state),
    ...llmHandlers(state.llm),
  };
  const vocabulary = () => [...state.tags.keys()].sort().map(state.info);
  return { handlers, tags: state.tags, suggestions: state.suggestions, llm: state.llm, vocabulary };
}
