// The LLM tagger on a transformers.js text-generation model (an ONNX decoder from the model manager):
// for each short-listed tag it asks "Is this paper about <tag>?" and reads the model's probability of
// " yes" against " no" for the next token — one forward pass per candidate, no free generation, so
// the answer can never be malformed. The paper is run once per paper and its key/value cache reused
// for each question. The model runs in the process's onnxruntime worker.
import type { CallContext } from '@shared/api/contract';
import { QuireError } from '@shared/api/errors';
import { requestWorker } from '../../embedding/embedder';
import type { Tagger, TaggerInput, TaggerOutput, TaggerPaper, TaggerTag } from '../tagger';
import { planCandidates } from './candidates';

/** Where transformers.js finds the model (ModelStore.locate gives this). */
export type YesNoModel = { localModelPath: string; id: string; dtype: string };

/** P(yes) against P(no) at or above this is proposed: the model leans towards yes. */
export const YES_THRESHOLD = 0.5;
/** A small model's context is short: the question must survive, so the abstract is clipped. */
const MAX_ABSTRACT_CHARS = 1500;

/** The paper part of the prompt: run once per paper, its cache shared by every question. */
export function yesNoPrefix(paper: Pick<TaggerPaper, 'title' | 'abstract'>): string {
  const abstract = paper.abstract.trim();
  const clipped =
    abstract.length > MAX_ABSTRACT_CHARS ? `${abstract.slice(0, MAX_ABSTRACT_CHARS)}…` : abstract;
  return `Paper: ${paper.title.trim()}. ${clipped}\n`;
}

export function yesNoQuestion(tag: TaggerTag): string {
  const about = tag.description ? `${tag.name}: ${tag.description}` : tag.name;
  return `Question: Is this paper about ${about}? Answer yes or no.\nAnswer:`;
}

/** The whole prompt whose next token is scored. */
export function yesNoPrompt(
  paper: Pick<TaggerPaper, 'title' | 'abstract'>,
  tag: TaggerTag,
): string {
  return yesNoPrefix(paper) + yesNoQuestion(tag);
}

let nextKey = 0;

/** The yes/no scorer of one loaded model in the worker. */
export class YesNoScorer {
  private closed = false;
  private readonly key = `lm${nextKey++}`;

  private constructor(readonly model: YesNoModel) {}

  private get spec() {
    return {
      key: this.key,
      localModelPath: this.model.localModelPath,
      modelId: this.model.id,
      dtype: this.model.dtype,
    };
  }

  static async start(model: YesNoModel): Promise<YesNoScorer> {
    const s = new YesNoScorer(model);
    try {
      await requestWorker({ type: 'lm-load', ...s.spec });
    } catch (err) {
      throw new QuireError(
        'unavailable',
        `Cannot load the text-generation model ${model.id}: ${(err as Error).message}. It must be an ONNX decoder in transformers.js layout (config.json, tokenizer.json, onnx/model.onnx).`,
      );
    }
    return s;
  }

  /** P(yes) of `prefix + question` for each question. */
  async score(prefix: string, questions: string[]): Promise<number[]> {
    if (this.closed) throw new QuireError('unavailable', 'The text-generation model was closed.');
    if (questions.length === 0) return [];
    let r;
    try {
      r = await requestWorker({ type: 'yesno', ...this.spec, prefix, questions });
    } catch (err) {
      throw new QuireError(
        'internal',
        `Scoring with ${this.model.id} failed: ${(err as Error).message}`,
      );
    }
    return Array.from(r.data ?? []);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await requestWorker({ type: 'lm-unload', key: this.key }).catch(() => undefined);
  }
}

export class YesNoTagger implements Tagger {
  readonly name = 'llm' as const;

  constructor(
    private readonly modelId: string,
    private readonly locate: (id: string) => YesNoModel | Promise<YesNoModel>,
    private readonly threshold = YES_THRESHOLD,
  ) {}

  async run(input: TaggerInput, ctx: CallContext): Promise<TaggerOutput> {
    const out: TaggerOutput = {
      model: `transformers:${this.modelId}`,
      proposals: [],
      notTagged: [],
      warnings: [],
    };
    const plan = planCandidates(input);
    out.warnings.push(...plan.warnings);
    if (plan.perPaper.length === 0) return out;
    const scorer = await YesNoScorer.start(await this.locate(this.modelId));
    const papers = new Map(input.papers.map((p) => [p.id, p]));
    const total = plan.perPaper.length;
    let done = 0;
    try {
      ctx.onProgress({ phase: 'llm', done, total });
      for (const { paperId, tags } of plan.perPaper) {
        if (ctx.signal.aborted) {
          out.warnings.push(`Cancelled after ${done} of ${total} papers.`);
          break;
        }
        const paper = papers.get(paperId)!;
        const scores = await scorer.score(yesNoPrefix(paper), tags.map(yesNoQuestion));
        tags.forEach((t, i) => {
          const p = scores[i];
          if (p === undefined || !Number.isFinite(p)) {
            out.notTagged.push({ paperId, reason: `No score for ${t.name} from ${this.modelId}.` });
            return;
          }
          if (p >= this.threshold)
            out.proposals.push({
              paperId,
              tag: t.name,
              score: p,
              evidence: {
                reason: `${this.modelId} answers yes to "Is this paper about ${t.name}?" with P = ${p.toFixed(2)}.`,
              },
            });
        });
        ctx.onProgress({ phase: 'llm', done: ++done, total });
      }
    } finally {
      await scorer.close();
    }
    return out;
  }
}
