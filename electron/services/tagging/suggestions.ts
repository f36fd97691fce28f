// Suggestions: runs a tagger over the library and stores its proposals with provenance, lists them
// for review, and records the user's decisions (accept adds the tag to the paper) with undo.
import type { CallContext, ParsedInputOf } from '@shared/api/contract';
import { QuireError } from '@shared/api/errors';
import type { Paper } from '@shared/api/schemas';
import type {
  Decision,
  SuggestRunResult,
  SuggestionPage,
  TaggerName,
} from '@shared/api/tagging-contract';
import { BlendTagger } from './blend';
import { pairKey, type TaggingContext } from './context';
import { listSuggestions } from './suggestion-list';
import { createNeighboursTagger } from './neighbours';
import type { PastDecision, ProposedTag, Tagger, TaggerInput } from './tagger';
import type { StoredSuggestion } from './tagging-store';
import type { VectorSource } from './vectors';
import { createZeroShotTagger, TermCache, zeroShotScores } from './zero-shot';
import { typedTags, type TagEdit } from './typed-tags';
import { newToken } from '../tokens';

export type SuggestionDeps = {
  vectors: VectorSource;
  /** Embeds papers that have no vector yet under the active model (progress phase `embed`). */
  ensureEmbedded(ctx: CallContext): Promise<void>;
  /** The `llm` tagger as configured now (settings change between runs); null when none is. */
  llmTagger?: () => Tagger | null;
};

/** A vocabulary this large still runs, but the user should know why each paper gets few suggestions. */
const LARGE_VOCABULARY = 200;
/** Tags short-listed per paper for the LLM (the enum of its structured output). */
const LLM_SHORTLIST = 30;

type DecideRecord = {
  kind: 'tagging:decide';
  before: { id: string; decision: Decision; decidedAt: string | null }[];
  /** Tags added to (+) or removed from (-) papers by the decision. */
  paperChanges: { paperId: string; tag: string; added: boolean }[];
};

export class Suggestions {
  private readonly zeroShot: Tagger;
  private readonly neighbours: Tagger;
  private readonly blend: BlendTagger;

  constructor(
    private readonly c: TaggingContext,
    private readonly deps: SuggestionDeps,
  ) {
    this.zeroShot = createZeroShotTagger(deps.vectors);
    this.neighbours = createNeighboursTagger(deps.vectors);
    this.blend = new BlendTagger(deps.vectors);
  }

  /** Accepted pairs (every tag a paper carries, whatever its origin) and rejected pairs. */
  private decisions(papers: readonly Pick<Paper, 'id' | 'tags'>[]): PastDecision[] {
    const out: PastDecision[] = [];
    for (const p of papers)
      for (const tag of p.tags) out.push({ paperId: p.id, tag, decision: 'accepted' });
    for (const s of this.c.state.suggestions)
      if (s.decision === 'rejected')
        out.push({ paperId: s.paperId, tag: s.tag, decision: 'rejected' });
    return out;
  }

  async suggest(
    input: ParsedInputOf<'tagging:suggest'>,
    ctx: CallContext,
  ): Promise<SuggestRunResult> {
    const all = this.c.vocabulary();
    if (all.length === 0)
      throw new QuireError(
        'invalid_input',
        'The tag vocabulary is empty: add tags first, e.g. quire tags add "graph neural networks" --description "Neural networks that learn on graphs by message passing."',
      );
    for (const name of input.tags ?? [])
      if (!all.some((t) => t.name === name))
        throw new QuireError('not_found', `No tag "${name}" in the vocabulary.`);
    const vocab = input.tags ? all.filter((t) => input.tags!.includes(t.name)) : all;
    const llm = this.deps.llmTagger?.() ?? null;
    if (input.tagger === 'llm' && !llm)
      throw new QuireError(
        'unavailable',
        'No LLM provider is configured: set one in Settings or with `quire llm set --url URL --model NAME`.',
      );
    const library = this.c.papers.all();
    const targets = new Set(input.paperIds ?? library.map((p) => p.id));
    for (const id of input.paperIds ?? [])
      if (!this.c.papers.get(id)) throw new QuireError('not_found', `No paper with id "${id}".`);
    const warnings: string[] = [];
    const base = { tagger: input.tagger, notTagged: [] as SuggestRunResult['notTagged'] };
    if (library.length === 0)
      return {
        ...base,
        model: '',
        suggestions: [],
        created: 0,
        warnings: ['The library is empty: import papers first.'],
        cancelled: false,
      };
    if (vocab.length > LARGE_VOCABULARY)
      warnings.push(
        `The vocabulary has ${vocab.length} tags: each paper keeps at most its 5 best suggestions per tagger.`,
      );
    const noAbstract = library.filter((p) => targets.has(p.id) && !p.hasAbstract).length;
    if (noAbstract > 0)
      warnings.push(
        `${noAbstract} paper(s) have no abstract: they were tagged from their title alone.`,
      );

    const papers = await this.c.taggerPapers(library);
    const taggerInput: TaggerInput = {
      papers,
      vocabulary: vocab.map((t) => ({ name: t.name, description: t.description })),
      decisions: this.decisions(library),
    };
    const runs: { tagger: TaggerName; model: string; proposals: ProposedTag[] }[] = [];
    let notTagged: SuggestRunResult['notTagged'] = [];
    try {
      if (input.tagger !== 'llm' || vocab.length > LLM_SHORTLIST)
        await this.deps.ensureEmbedded(ctx);
      if (input.tagger === 'zero-shot' || input.tagger === 'neighbours') {
        const out = await (input.tagger === 'zero-shot' ? this.zeroShot : this.neighbours).run(
          taggerInput,
          ctx,
        );
        runs.push({ tagger: input.tagger, model: out.model, proposals: out.proposals });
        warnings.push(...out.warnings);
        notTagged = out.notTagged;
      }
      if (input.tagger === 'auto') {
        const out = await this.blend.run(taggerInput, ctx);
        for (const name of ['zero-shot', 'neighbours'] as const)
          runs.push({
            tagger: name,
            model: out.model,
            proposals: out.proposals.filter((p) => p.tagger === name),
          });
        warnings.push(...out.warnings);
        notTagged = out.notTagged;
      }
      if (llm && (input.tagger === 'llm' || input.tagger === 'auto')) {
        const onlyTargets = { ...taggerInput, papers: papers.filter((p) => targets.has(p.id)) };
        if (vocab.length > LLM_SHORTLIST)
          onlyTargets.shortlist = await this.shortlist(onlyTargets, ctx);
        const out = await llm.run(onlyTargets, ctx);
        runs.push({ tagger: 'llm', model: out.model, proposals: out.proposals });
        warnings.push(...out.warnings);
        notTagged = [...notTagged, ...out.notTagged];
      }
    } catch (err) {
      if (err instanceof QuireError && err.code === 'cancelled')
        return { ...base, model: '', suggestions: [], created: 0, warnings, cancelled: true };
      throw err;
    }

    const created = await this.store(runs, targets, new Set(vocab.map((t) => t.name)));
    const taggers = new Set(runs.map((r) => r.tagger));
    const suggestions = this.c
      .visiblePending()
      .filter((s) => taggers.has(s.tagger) && targets.has(s.paperId))
      .sort((a, b) => b.score - a.score)
      .map((s) => this.c.withTitle(s));
    return {
      tagger: input.tagger,
      model: [...new Set(runs.map((r) => r.model))].join(' + '),
      suggestions,
      created,
      notTagged: notTagged.filter((n) => targets.has(n.paperId)),
      warnings,
      cancelled: false,
    };
  }

  /** Per paper, the tags most similar by zero-shot score, for the LLM to choose among. */
  private async shortlist(input: TaggerInput, ctx: CallContext): Promise<Map<string, string[]>> {
    const s = await zeroShotScores(this.deps.vectors, input, ctx, new TermCache());
    const out = new Map<string, string[]>();
    input.papers.forEach((p, i) => {
      const ranked = input.vocabulary
        .map((t, j) => ({ tag: t.name, score: s.score[j]![i]! }))
        .filter((x) => !Number.isNaN(x.score))
        .sort((a, b) => b.score - a.score)
        .slice(0, LLM_SHORTLIST)
        .map((x) => x.tag);
      out.set(p.id, ranked);
    });
    return out;
  }

  /**
   * Replaces each run tagger's pending suggestions for the papers and tags it covered with its new
   * proposals (keeping ids of pairs proposed again); decided suggestions are never touched, and a
   * rejected pair is never stored again. Returns how many suggestions are new.
   */
  private async store(
    runs: { tagger: TaggerName; model: string; proposals: ProposedTag[] }[],
    targets: Set<string>,
    tags: Set<string>,
  ): Promise<number> {
    const rejected = this.c.rejectedPairs();
    const now = new Date().toISOString();
    return this.c.store.change((s) => {
      let created = 0;
      for (const run of runs) {
        const old = new Map<string, StoredSuggestion>();
        const decided = new Set<string>();
        s.suggestions = s.suggestions.filter((sg) => {
          if (sg.tagger !== run.tagger) return true;
          const key = pairKey(sg.paperId, sg.tag);
          if (sg.decision !== 'pending') {
            decided.add(key);
            return true;
          }
          if (!targets.has(sg.paperId) || !tags.has(sg.tag)) return true;
          old.set(key, sg);
          return false;
        });
        for (const p of run.proposals) {
          const key = pairKey(p.paperId, p.tag);
          const paper = this.c.papers.get(p.paperId);
          if (!targets.has(p.paperId) || rejected.has(key) || decided.has(key)) continue;
          if (!paper || paper.tags.includes(p.tag)) continue;
          const prev = old.get(key);
          if (!prev) created++;
          s.suggestions.push({
            id: prev?.id ?? newToken(),
            paperId: p.paperId,
            tag: p.tag,
            tagger: run.tagger,
            model: run.model,
            score: p.score,
            // Neighbours' titles are looked up when listing: stored once per paper, not per vote.
            evidence: p.evidence.neighbours
              ? {
                  ...p.evidence,
                  neighbours: p.evidence.neighbours.map((n) => ({ ...n, title: '' })),
                }
              : p.evidence,
            createdAt: now,
            decision: 'pending',
            decidedAt: null,
          });
        }
      }
      return created;
    });
  }

  list(input: ParsedInputOf<'tagging:list'>): SuggestionPage {
    return listSuggestions(this.c, input);
  }

  async decide({
    ids,
    decision,
  }: ParsedInputOf<'tagging:decide'>): Promise<{ changed: number; undoToken: string }> {
    const byId = new Map(this.c.state.suggestions.map((s) => [s.id, s]));
    const missing = ids.filter((id) => !byId.has(id));
    if (missing.length > 0)
      throw new QuireError(
        'not_found',
        `No suggestion with id "${missing[0]}"${missing.length > 1 ? ` (and ${missing.length - 1} more)` : ''}.`,
      );
    const chosen = [...new Set(ids)]
      .map((id) => byId.get(id)!)
      .filter((s) => s.decision !== decision);
    for (const s of chosen)
      if (!this.c.papers.get(s.paperId))
        throw new QuireError(
          'not_found',
          `The paper of suggestion "${s.id}" is no longer in the library.`,
        );
    // Papers gain the tag on accept; an accepted tag that was not typed leaves with its un-accept.
    const paperChanges: DecideRecord['paperChanges'] = [];
    const seen = new Set<string>();
    for (const s of chosen) {
      const key = pairKey(s.paperId, s.tag);
      if (seen.has(key)) continue;
      seen.add(key);
      const has = this.c.papers.get(s.paperId)!.tags.includes(s.tag);
      if (decision === 'accepted' && !has)
        paperChanges.push({ paperId: s.paperId, tag: s.tag, added: true });
      if (
        decision !== 'accepted' &&
        has &&
        s.decision === 'accepted' &&
        this.c.originOf(s.paperId, s.tag) === 'accepted'
      )
        paperChanges.push({ paperId: s.paperId, tag: s.tag, added: false });
    }
    const record: DecideRecord = {
      kind: 'tagging:decide',
      before: chosen.map((s) => ({ id: s.id, decision: s.decision, decidedAt: s.decidedAt })),
      paperChanges,
    };
    await this.applyPaperChanges(paperChanges, false);
    const now = new Date().toISOString();
    await this.c.store.change((st) => {
      const ids = new Set(chosen.map((s) => s.id));
      for (const s of st.suggestions)
        if (ids.has(s.id)) {
          s.decision = decision;
          s.decidedAt = decision === 'pending' ? null : now;
        }
      for (const ch of paperChanges) {
        if (ch.added) (st.origins[ch.paperId] ??= {})[ch.tag] = 'accepted';
        else if (st.origins[ch.paperId]) delete st.origins[ch.paperId]![ch.tag];
      }
    });
    return { changed: chosen.length, undoToken: await this.c.remember(record) };
  }

  private async applyPaperChanges(
    changes: DecideRecord['paperChanges'],
    reverse: boolean,
  ): Promise<void> {
    const byPaper = new Map<string, DecideRecord['paperChanges']>();
    for (const ch of changes) byPaper.set(ch.paperId, [...(byPaper.get(ch.paperId) ?? []), ch]);
    await this.c.rewritePapers((p) => {
      const list = byPaper.get(p.id);
      if (!list) return null;
      let tags = p.tags;
      for (const ch of list) {
        const add = ch.added !== reverse;
        tags = add
          ? tags.includes(ch.tag)
            ? tags
            : [...tags, ch.tag]
          : tags.filter((t) => t !== ch.tag);
      }
      return tags;
    });
  }

  async acceptAbove(
    input: ParsedInputOf<'tagging:acceptAbove'>,
  ): Promise<{ count: number; undoToken: string | null }> {
    this.c.findTag(input.tag);
    const best = new Map<string, StoredSuggestion>();
    for (const s of this.c.visiblePending())
      if (
        s.tag === input.tag &&
        s.score >= input.minScore &&
        (!input.tagger || s.tagger === input.tagger)
      ) {
        const prev = best.get(s.paperId);
        if (!prev || s.score > prev.score) best.set(s.paperId, s);
      }
    if (input.dryRun || best.size === 0) return { count: best.size, undoToken: null };
    const r = await this.decide({ ids: [...best.values()].map((s) => s.id), decision: 'accepted' });
    return { count: best.size, undoToken: r.undoToken };
  }

  async undo({ undoToken }: ParsedInputOf<'tagging:undo'>): Promise<{ restored: number }> {
    const r = this.c.peekUndo<DecideRecord>(undoToken, 'decision');
    if (r.kind !== 'tagging:decide')
      throw new QuireError('invalid_input', 'That undo token is not from a tagging decision.');
    await this.applyPaperChanges(
      r.paperChanges.filter((ch) => this.c.papers.get(ch.paperId)),
      true,
    );
    await this.c.store.change((st) => {
      const before = new Map(r.before.map((b) => [b.id, b]));
      for (const s of st.suggestions) {
        const b = before.get(s.id);
        if (b) {
          s.decision = b.decision;
          s.decidedAt = b.decidedAt;
        }
      }
      for (const ch of r.paperChanges) {
        if (ch.added) {
          if (st.origins[ch.paperId]) delete st.origins[ch.paperId]![ch.tag];
        } else (st.origins[ch.paperId] ??= {})[ch.tag] = 'accepted';
      }
      this.c.forgetUndo(st, undoToken);
    });
    return { restored: r.before.length };
  }

  /** Records tags the user typed on papers (library:update, library:tagPapers), so provenance can say so. */
  async noteTyped(edits: readonly TagEdit[]): Promise<void> {
    const typed = typedTags(edits);
    if (typed.length === 0) return;
    await this.c.store.change((st) => {
      for (const { id, added, removed } of typed) {
        const o = (st.origins[id] ??= {});
        for (const t of added) o[t] = 'typed';
        for (const t of removed) delete o[t];
      }
    });
  }
}
