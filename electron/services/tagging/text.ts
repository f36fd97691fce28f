// Words for lexical evidence: lower-cased tokens, stop words dropped, reduced by a light English
// stemmer so "networks"/"network" and "embedding"/"embeddings" meet. Light on purpose: evidence is
// shown to the user, and an aggressive stemmer (Porter) merges words a reader would not ("general"
// and "generate" both become "gener").
const STOP = new Set(
  `a about above across after again against all also an and any are as at be because been before
  being between both but by can could did do does doing down during each either few for from further
  had has have having here how however i if in into is it its itself just more most much must no nor
  not of off on once only or other our out over own same should so some such than that the their them
  then there these they this those through to too under until up upon using very via was we were what
  when where which while who whom why will with within without would you your e.g i.e eg ie based
  new novel paper propose proposed show shows study work approach method methods results one two`
    .split(/\s+/)
    .filter(Boolean),
);

/** A light suffix-stripping stemmer (plurals, -ing, -ed, -ly, -ation), in the spirit of Harman's S-stemmer. */
export function stem(word: string): string {
  let w = word;
  if (w.length <= 3) return w;
  if (w.endsWith('ies') && w.length > 4) w = w.slice(0, -3) + 'y';
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('es') && /(x|ch|sh|ss|zz)es$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ed') && !w.endsWith('eed')) w = w.slice(0, -2);
  else if (w.length > 5 && w.endsWith('ation')) w = w.slice(0, -5);
  else if (w.length > 5 && w.endsWith('ly')) w = w.slice(0, -2);
  // "embedd" (from "embedding") and "embed" must meet; so must "model"/"modell".
  if (w.length > 3 && /([b-df-hj-np-tv-z])\1$/.test(w) && !/(ll|ss|zz)$/.test(w))
    w = w.slice(0, -1);
  if (w.endsWith('e') && w.length > 4) w = w.slice(0, -1);
  return w;
}

/** word → stem, or '' for a word that is not a term; a library has a few tens of thousands of words. */
const memo = new Map<string, string>();

function termOf(raw: string): string {
  let t = memo.get(raw);
  if (t === undefined) {
    t = raw.length < 2 || STOP.has(raw) || /^\d+$/.test(raw) ? '' : stem(raw);
    if (memo.size > 500_000) memo.clear();
    memo.set(raw, t);
  }
  return t;
}

/** Stemmed content words of a text, in order (duplicates kept). */
export function terms(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) {
    const t = termOf(raw);
    if (t) out.push(t);
  }
  return out;
}

/** Stemmed term → the first surface word it came from (to show evidence as the user wrote it). */
export function termSurfaces(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const raw of text.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
    if (raw.length < 2 || STOP.has(raw) || /^\d+$/.test(raw)) continue;
    const s = stem(raw);
    if (!out.has(s)) out.set(s, raw);
  }
  return out;
}

/** The text a tag is embedded and matched as: "name: description", hyphens read as spaces. */
export function tagText(tag: { name: string; description: string }): string {
  const name = tag.name.replace(/[-_/]+/g, ' ');
  return tag.description ? `${name}: ${tag.description}` : name;
}
