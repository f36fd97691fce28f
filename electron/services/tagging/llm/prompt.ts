// What the LLM tagger asks: the messages for one paper and its candidate tags, the JSON schema of
// the answer (the tag field an enum of the candidates), and the stricter wording of the one retry.
import type { ChatMessage } from './openai-client';
import type { TaggerPaper, TaggerTag } from '../tagger';

/** Characters of an abstract sent to the model: enough for the gist, bounded for small context windows. */
const MAX_ABSTRACT_CHARS = 3000;
/** Characters of the one-line reason kept. */
export const MAX_REASON_CHARS = 200;

export function answerSchema(candidates: string[]): Record<string, unknown> {
  return {
    type: 'object',
    properties: {
      tags: {
        type: 'array',
        maxItems: candidates.length,
        items: {
          type: 'object',
          properties: {
            tag: { type: 'string', enum: candidates },
            reason: { type: 'string', maxLength: MAX_REASON_CHARS },
          },
          required: ['tag', 'reason'],
          additionalProperties: false,
        },
      },
    },
    required: ['tags'],
    additionalProperties: false,
  };
}

const SYSTEM = [
  'You tag research papers for a researcher.',
  'From the candidate tags given, choose every tag that clearly applies to the paper, and none that does not.',
  'Use candidate names exactly as written; never invent a tag.',
  'Reply with JSON only, in this shape: {"tags": [{"tag": "<candidate name>", "reason": "<one short line citing the paper>"}]}.',
  'If no candidate applies, reply {"tags": []}.',
].join(' ');

export function tagMessages(paper: TaggerPaper, candidates: TaggerTag[]): ChatMessage[] {
  const abstract = paper.abstract.trim();
  const clipped =
    abstract.length > MAX_ABSTRACT_CHARS ? `${abstract.slice(0, MAX_ABSTRACT_CHARS)}…` : abstract;
  const tags = candidates
    .map((t) => (t.description ? `- ${t.name}: ${t.description}` : `- ${t.name}`))
    .join('\n');
  return [
    { role: 'system', content: SYSTEM },
    {
      role: 'user',
      content: `Candidate tags:\n${tags}\n\nPaper title: ${paper.title.trim()}\nAbstract: ${clipped || '(none)'}`,
    },
  ];
}

/** The retry after an invalid answer: says what was wrong and repeats the exact shape. */
export function stricterMessages(
  base: ChatMessage[],
  invalid: string,
  why: string,
  candidates: string[],
): ChatMessage[] {
  return [
    ...base,
    { role: 'assistant', content: invalid.slice(0, 2000) },
    {
      role: 'user',
      content: `That answer was not valid: ${why}. Reply again with ONLY a JSON object, no prose and no code fence: {"tags": [{"tag": "...", "reason": "..."}]} where each tag is one of: ${candidates.map((c) => JSON.stringify(c)).join(', ')}.`,
    },
  ];
}
