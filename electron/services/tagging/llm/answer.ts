// Reads an LLM's answer: JSON (also inside a ``` code fence), shaped {"tags":[{"tag","reason"}]},
// tags matched to the candidates (case-insensitively) and the vocabulary; anything else is invalid,
// and an invalid answer is never turned into suggestions.
import { MAX_REASON_CHARS } from './prompt';

export type ParsedAnswer =
  | { ok: true; tags: { tag: string; reason: string }[]; outside: string[] }
  | { ok: false; why: string };

/** The JSON text of an answer: the content of a ``` fence when there is one, else the whole text. */
export function extractJson(text: string): string {
  const fence = /```[a-zA-Z]*\s*\n?([\s\S]*?)```/.exec(text);
  return (fence ? fence[1]! : text).trim();
}

/**
 * `allowed` maps lower-cased names to the vocabulary's spelling: candidates are asked about, but a
 * vocabulary tag outside the short-list (a model in plain JSON mode may name one) is still a real tag.
 */
export function parseAnswer(text: string, allowed: Map<string, string>): ParsedAnswer {
  let value: unknown;
  try {
    value = JSON.parse(extractJson(text));
  } catch {
    return { ok: false, why: 'it is not JSON' };
  }
  if (!value || typeof value !== 'object' || Array.isArray(value))
    return { ok: false, why: 'it is not a JSON object' };
  const list = (value as { tags?: unknown }).tags;
  if (!Array.isArray(list)) return { ok: false, why: 'it has no "tags" array' };
  const tags = new Map<string, string>();
  const outside: string[] = [];
  for (const item of list) {
    const name =
      typeof item === 'string'
        ? item
        : item && typeof item === 'object' && typeof (item as { tag?: unknown }).tag === 'string'
          ? (item as { tag: string }).tag
          : null;
    if (name === null) return { ok: false, why: 'an entry of "tags" has no "tag" string' };
    const reasonRaw = typeof item === 'object' ? (item as { reason?: unknown }).reason : undefined;
    const reason =
      typeof reasonRaw === 'string'
        ? reasonRaw.replace(/\s+/g, ' ').trim().slice(0, MAX_REASON_CHARS)
        : '';
    const tag = allowed.get(name.trim().toLowerCase());
    if (!tag) {
      if (name.trim()) outside.push(name.trim());
      continue;
    }
    if (!tags.has(tag)) tags.set(tag, reason);
  }
  return { ok: true, tags: [...tags].map(([tag, reason]) => ({ tag, reason })), outside };
}
