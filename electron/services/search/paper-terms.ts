// What library terms keep of one paper (library-terms.ts): its distinct tokens split into content
// words and the rest, as vocabulary numbers packed in their order (packed-ids.ts), with its
// hyphenated compounds and abbreviation definitions when it has any. One function makes it, so the
// tables built in a session and the snapshot kept between sessions (terms-snapshot.ts) agree.
import { createHash } from 'node:crypto';
import { findDefinitions } from './abbreviations';
import { hyphenatedCompounds } from './compound';
import { forEachId, packIds } from './packed-ids';
import { EXPANSION_STOP, isContentWord, STOP_WORDS, tokens } from './words';

export type Parsed = {
  words: string;
  others: string;
  compounds?: string[];
  defs?: { short: string; long: string }[];
};

/** Parses a paper's title and abstract; `numbered` gives a word its vocabulary number. */
export function parsePaper(
  p: { title: string; abstract: string },
  numbered: (word: string) => number,
): Parsed {
  const distinct = new Set(tokens(`${p.title} ${p.abstract}`));
  const words: number[] = [];
  const others: number[] = [];
  for (const w of distinct) (isContentWord(w) ? words : others).push(numbered(w));
  const compounds = [
    ...new Set([...hyphenatedCompounds(p.title), ...hyphenatedCompounds(p.abstract)]),
  ];
  const seen = new Set<string>();
  const defs: Parsed['defs'] = [];
  for (const d of [...findDefinitions(p.title), ...findDefinitions(p.abstract)]) {
    const key = `${d.short.toLowerCase()}\n${d.long}`;
    if (seen.has(key)) continue;
    seen.add(key);
    defs.push(d);
  }
  return {
    words: packIds(words),
    others: packIds(others),
    ...(compounds.length ? { compounds } : {}),
    ...(defs.length ? { defs } : {}),
  };
}

/** A text that exercises every part of parsing: case, accents, stop words, numbers, compounds. */
const PROBE = {
  title: 'Graph Neural Networks (GNNs) mitigate over-squashing in message-passing',
  abstract:
    'Naïve Bayes and the Fourier transform (FT) at 10.1038/x in the 2nd layer — ÉCOLE, ' +
    'learning-to-rank, l’état de l’art, 深層学習.',
};

/**
 * A fingerprint of what parsePaper makes of PROBE: a snapshot written by code that parsed it
 * otherwise (an update changed words.ts, say) is not used.
 */
export const PARSER_FINGERPRINT = ((): string => {
  const vocab: string[] = [];
  const parsed = parsePaper(PROBE, (w) => vocab.push(w) - 1);
  const unpack = (packed: string) => {
    const out: string[] = [];
    forEachId(packed, (n) => out.push(vocab[n]!));
    return out;
  };
  const shown = { ...parsed, words: unpack(parsed.words), others: unpack(parsed.others) };
  // The stop words decide content words beyond what the probe text shows.
  const stop = [...STOP_WORDS, '|', ...EXPANSION_STOP].join(' ');
  return createHash('sha1').update(JSON.stringify(shown)).update(stop).digest('base64url');
})();
