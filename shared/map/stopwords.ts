// Words no cluster label may contain: English function words, and generic research words that occur
// in every field's abstracts and so never say what a topic is about ("model", "results", "propose").

const FUNCTION_WORDS = `a about above across after again against all almost along already also although always
am among an and another any anyone anything are around as at away back be became because become
becomes been before being below between both but by can cannot could did do does doing done down
during each either else enough etc even ever every few for from further get gets given gives go goes
had has have having he her here hers herself him himself his how however i if in into is it its itself
just least less let like made make makes many may me might more most much must my myself near need
needs neither never no nor not now of off often on once one only onto or other others otherwise our
ours ourselves out over own per perhaps quite rather really same several shall she should since so
some something still such than that the their theirs them themselves then there thereby therefore
these they this those though three through thus to together too toward towards two under until up
upon us very via was we well were what whatever when where whereas whether which while who whom whose
why will with within without would yet you your yours yourself first second third fourth five four
six seven eight nine ten many much whose often usually`;

const GENERIC_RESEARCH_WORDS = `approach approaches method methods model models result results paper
papers propose proposes proposed proposing present presents presented show shows showed shown
demonstrate demonstrates demonstrated demonstrating work works study studies studied task tasks
performance perform performs performing state art based using use used uses novel new existing
recent recently problem problems framework frameworks technique techniques significant significantly
improve improves improved improving improvement improvements outperform outperforms outperforming
achieve achieves achieved achieving experiment experiments experimental evaluate evaluated
evaluation extensive benchmark benchmarks baseline baselines analysis analyze various different
large small simple effective efficient efficiently effectively important key main general specific
able allow allows enable enables introduce introduces introduced provide provides provided
consider considered obtain obtained compared comparison previous prior current standard strong
better best high higher low lower level number set sets way ways amount range type types form
particular order case cases example examples fact find finds found give art
respect terms term also including include includes well known widely across
typically often commonly direct directly leverage leverages leveraging utilize utilizes build builds
built challenge challenges challenging aim aims goal goals paradigm crucial critical
promising superior competitive substantially substantial remarkable remarkably extensively
furthermore moreover additionally thereby respectively overall code available publicly release
released github com http https www arxiv`;

/**
 * Words too common in research abstracts to name a topic on their own, yet part of names that do
 * ("graph neural network", "network design", "deep reinforcement learning"): a label may use them
 * inside a phrase with a non-generic word, never alone.
 */
const WEAK_WORDS = `learning learn learned network networks neural deep data dataset datasets training
train trained parameter parameters algorithm algorithms accuracy size structure structures inference
efficiency interaction interactions system systems information representation representations
function functions layer layers architecture architectures feature features input inputs output
outputs loss scale scaling scalable scalability strategy strategies design designs time process
quality optimized optimal optimize insight insights designing cost costs score scores user users
dynamic theory theoretical computation computational computationally weight weights empirical
empirically tool tools`;

const toSet = (s: string): Set<string> => new Set(s.split(/\s+/).filter(Boolean));

export const STOP_WORDS: ReadonlySet<string> = toSet(FUNCTION_WORDS);
export const GENERIC_WORDS: ReadonlySet<string> = toSet(GENERIC_RESEARCH_WORDS);
export const WEAK: ReadonlySet<string> = toSet(WEAK_WORDS);

/** True when a (lower-case) word may not appear in a label at all. */
export function isBannedWord(word: string): boolean {
  return STOP_WORDS.has(word) || GENERIC_WORDS.has(word) || GENERIC_WORDS.has(fold(word));
}

/** True when a word may appear in a label only beside a word that is not weak. */
export function isWeakWord(word: string): boolean {
  return WEAK.has(word) || WEAK.has(fold(word));
}

/** Plural folding (a light suffix rule, enough for label keys): "networks" → "network", "studies" → "study". */
export function fold(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return word.slice(0, -3) + 'y';
  if (word.length > 4 && /(ches|shes|sses|xes)$/.test(word)) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !/(ss|us|is|ics|sis)$/.test(word))
    return word.slice(0, -1);
  return word;
}
