// Naming a map cluster with an LLM: the prompt (its key phrases and three most central titles — the
// same evidence the legend shows) and the cleaning of the model's answer into a short name. Pure, so
// the rules are unit-tested without a model; the service (electron/services/map) runs the model.

/** A name longer than this is cut at a word boundary (a legend line, not a sentence). */
export const MAX_NAME_CHARS = 60;
/** At most this many words are kept. */
export const MAX_NAME_WORDS = 6;
/** Tokens asked of the model: room for a short name and a little preamble to strip. */
export const NAME_MAX_TOKENS = 24;
/** A title longer than this is clipped in the prompt (small models have short contexts). */
const MAX_TITLE_CHARS = 160;

export type NamePromptInput = { keywords: readonly string[]; titles: readonly string[] };

export const NAME_SYSTEM =
  'You name research topics. Given key phrases and representative paper titles of one group of papers, answer with a short topic name of 2 to 5 words, in title case, with no quotes and no explanation.';

/** The user part of the prompt: key phrases, then the central titles, then the cue to answer. */
export function buildNamePrompt(input: NamePromptInput): string {
  const keywords = input.keywords.map((k) => k.trim()).filter(Boolean);
  const titles = input.titles
    .map((t) => t.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .map((t) => (t.length > MAX_TITLE_CHARS ? `${t.slice(0, MAX_TITLE_CHARS)}…` : t));
  const lines = [`Key phrases: ${keywords.length ? keywords.join(', ') : '(none)'}`];
  lines.push('Representative papers:');
  for (const t of titles) lines.push(`- ${t}`);
  lines.push('Topic name:');
  return lines.join('\n');
}

/**
 * The name in a model's answer, or null when nothing usable is left: first non-empty line, without a
 * "Topic name:"-style preamble, list marker, surrounding quotes/backticks/markdown emphasis or final
 * punctuation; whitespace collapsed; cut to MAX_NAME_WORDS words and MAX_NAME_CHARS characters.
 */
export function cleanName(raw: string): string | null {
  const line = raw
    .replace(/\r/g, '')
    .split('\n')
    .map((l) => l.trim())
    .find((l) => /[\p{L}\p{N}]/u.test(l));
  if (!line) return null;
  let s = line
    .replace(/^(?:topic\s+name|name|topic|answer)\s*[:\-–]\s*/i, '')
    .replace(/^(?:[-*•]|\d+[.)])\s+/, '')
    .replace(/[*_`]+/g, '')
    .replace(/[\s.,;:!?]+$/u, '')
    .trim();
  // Quotes around the whole name (straight or typographic), possibly nested ("'x'").
  for (let i = 0; i < 3; i++) {
    const m = /^["'“‘«](.*)["'”’»]$/u.exec(s);
    if (!m) break;
    s = m[1]!.trim();
  }
  s = s
    .replace(/^["“‘«]+|["”’»]+$/gu, '')
    .replace(/\s+/g, ' ')
    .replace(/[\s.,;:!?]+$/u, '')
    .trim();
  let words = s.split(' ').filter(Boolean);
  if (words.length > MAX_NAME_WORDS) words = words.slice(0, MAX_NAME_WORDS);
  s = words.join(' ');
  if (s.length > MAX_NAME_CHARS) {
    const cut = s.slice(0, MAX_NAME_CHARS + 1);
    const space = cut.lastIndexOf(' ');
    s = (space > 0 ? cut.slice(0, space) : s.slice(0, MAX_NAME_CHARS)).trim();
  }
  s = s.replace(/[\s.,;:!?\-–]+$/u, '');
  return /[\p{L}\p{N}]/u.test(s) ? s : null;
}
