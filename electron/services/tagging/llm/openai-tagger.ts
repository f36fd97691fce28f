// The LLM tagger on a local OpenAI-compatible server: one chat request per paper asking which of its
// short-listed tags apply, JSON-schema structured output (falling back to JSON mode, then a plain
// JSON prompt, when the server refuses it), temperature 0, one stricter retry on an invalid answer,
// then the paper is reported as not tagged. Server trouble stops the run early with one message.
import type { CallContext } from '@shared/api/contract';
import { QuireError } from '@shared/api/errors';
import type { ProposedTag, Tagger, TaggerInput, TaggerOutput, TaggerTag } from '../tagger';
import { parseAnswer } from './answer';
import { planCandidates } from './candidates';
import { LlmServerError, type ChatMessage, type OpenAiClient } from './openai-client';
import { answerSchema, stricterMessages, tagMessages } from './prompt';

/** How the answer's format is requested; the run steps down once when the server refuses one. */
export type OutputMode = 'json_schema' | 'json_object' | 'plain';

/** Papers in a row that fail on the server's side (timeouts, HTTP 5xx) before the run stops. */
const MAX_FAILURES_IN_A_ROW = 3;
/** Statuses that every request of the run would get alike. */
const FATAL_STATUS = new Set([401, 403, 404]);
/** Tokens for the answer: ~30 tags with a line each fit well within this. */
const MAX_ANSWER_TOKENS = 1024;

/**
 * A proposal's score. A chat model gives a choice, not a calibrated probability, so every tag it
 * picks scores 1; the transformers.js provider, which reads P(yes), gives graded scores.
 */
const CHOSEN_SCORE = 1;

/** Did a 400 refuse our `response_format` (rather than, say, the prompt's length)? */
function refusesFormat(err: unknown): boolean {
  // 400 from most servers; 422 from those that validate the request body with a schema (FastAPI).
  if (!(err instanceof LlmServerError) || err.kind !== 'http') return false;
  if (err.status !== 400 && err.status !== 422) return false;
  // A bare 400 with no message is most often the unknown field too.
  return (
    /response_format|json_schema|json_object|schema|grammar|format/i.test(err.message) ||
    /HTTP 4\d\d to POST \/chat\/completions\.$/.test(err.message)
  );
}

type PaperOutcome =
  | { ok: true; tags: { tag: string; reason: string }[]; outside: string[] }
  | { ok: false; why: string };

export class OpenAiTagger implements Tagger {
  readonly name = 'llm' as const;
  private mode: OutputMode = 'json_schema';

  constructor(
    private readonly client: OpenAiClient,
    private readonly model: string,
  ) {}

  get modelLabel(): string {
    return `openai-compatible:${this.model}`;
  }

  async run(input: TaggerInput, ctx: CallContext): Promise<TaggerOutput> {
    const out: TaggerOutput = {
      model: this.modelLabel,
      proposals: [],
      notTagged: [],
      warnings: [],
    };
    const plan = planCandidates(input);
    out.warnings.push(...plan.warnings);
    const vocab = new Map(input.vocabulary.map((t) => [t.name.toLowerCase(), t.name]));
    const papers = new Map(input.papers.map((p) => [p.id, p]));
    const outsideCount = new Map<string, number>();
    const startMode = this.mode;
    let failuresInARow = 0;
    let done = 0;
    const total = plan.perPaper.length;
    ctx.onProgress({ phase: 'llm', done, total });
    for (const { paperId, tags } of plan.perPaper) {
      if (ctx.signal.aborted) {
        out.warnings.push(`Cancelled after ${done} of ${total} papers.`);
        break;
      }
      const paper = papers.get(paperId)!;
      let outcome: PaperOutcome;
      try {
        outcome = await this.tagPaper(paper, tags, vocab, ctx.signal);
      } catch (err) {
        if (ctx.signal.aborted || (err instanceof QuireError && err.code === 'cancelled')) {
          out.warnings.push(`Cancelled after ${done} of ${total} papers.`);
          break;
        }
        if (!(err instanceof LlmServerError)) throw err;
        const rest = `Stopped after ${done} of ${total} papers.`;
        // Nothing will succeed (server down) or every request is refused the same way (unknown
        // model, no access): one message for the run, not one per paper. Other refusals (a 400 for
        // one paper's length) are that paper's.
        if (err.kind === 'down' || (err.kind === 'http' && FATAL_STATUS.has(err.status ?? 0))) {
          out.warnings.push(`${err.message} ${rest}`);
          break;
        }
        out.notTagged.push({ paperId, reason: err.message });
        done++;
        ctx.onProgress({ phase: 'llm', done, total });
        if (++failuresInARow >= MAX_FAILURES_IN_A_ROW) {
          out.warnings.push(
            `${MAX_FAILURES_IN_A_ROW} papers in a row failed on the LLM server (last: ${err.message}) Stopped after ${done} of ${total} papers.`,
          );
          break;
        }
        continue;
      }
      failuresInARow = 0;
      if (!outcome.ok) {
        out.notTagged.push({
          paperId,
          reason: `The model's answer stayed invalid after a stricter retry (${outcome.why}); nothing was written.`,
        });
      } else {
        for (const name of outcome.outside)
          outsideCount.set(name, (outsideCount.get(name) ?? 0) + 1);
        for (const t of outcome.tags) {
          const proposal: ProposedTag = {
            paperId,
            tag: t.tag,
            score: CHOSEN_SCORE,
            evidence: { reason: t.reason },
          };
          out.proposals.push(proposal);
        }
      }
      done++;
      ctx.onProgress({ phase: 'llm', done, total });
    }
    if (this.mode !== startMode)
      out.warnings.push(
        this.mode === 'json_object'
          ? 'The server does not support JSON-schema output; answers were requested in JSON mode and checked against the vocabulary.'
          : 'The server supports neither JSON-schema nor JSON mode; answers were requested as plain JSON in the prompt and checked against the vocabulary.',
      );
    if (outsideCount.size > 0)
      out.warnings.push(
        `The model proposed tags outside the vocabulary, which were dropped: ${[...outsideCount]
          .slice(0, 20)
          .map(([n, c]) => (c > 1 ? `${n} (${c} papers)` : n))
          .join(', ')}${outsideCount.size > 20 ? ', …' : ''}.`,
      );
    return out;
  }

  /** One paper: ask, check, ask once more strictly if invalid. */
  private async tagPaper(
    paper: { title: string; abstract: string; id: string; tags: string[] },
    tags: TaggerTag[],
    vocab: Map<string, string>,
    signal: AbortSignal,
  ): Promise<PaperOutcome> {
    const names = tags.map((t) => t.name);
    const base = tagMessages(paper, tags);
    const first = await this.ask(base, names, signal);
    const parsed = parseAnswer(first, vocab);
    if (parsed.ok) return parsed;
    const second = await this.ask(stricterMessages(base, first, parsed.why, names), names, signal);
    return parseAnswer(second, vocab);
  }

  /** One chat request in the current mode, stepping down a mode when the server refuses the format. */
  private async ask(
    messages: ChatMessage[],
    names: string[],
    signal: AbortSignal,
  ): Promise<string> {
    for (;;) {
      try {
        return await this.client.chat(
          {
            model: this.model,
            messages,
            temperature: 0,
            max_tokens: MAX_ANSWER_TOKENS,
            ...(this.mode === 'json_schema'
              ? {
                  response_format: {
                    type: 'json_schema',
                    json_schema: { name: 'paper_tags', strict: true, schema: answerSchema(names) },
                  },
                }
              : this.mode === 'json_object'
                ? { response_format: { type: 'json_object' } }
                : {}),
          },
          signal,
        );
      } catch (err) {
        if (this.mode === 'plain' || !refusesFormat(err)) throw err;
        this.mode = this.mode === 'json_schema' ? 'json_object' : 'plain';
      }
    }
  }
}
