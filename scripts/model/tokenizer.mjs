// The shipped tokenizer computed by hand: a copy of what transformers.js 3.8.1 does for the
// tokenizer.json we write, used to pick reachable vocabulary words and to embed texts in tests.

export const PAD = '[PAD]';
export const UNK = '[UNK]';

/**
 * Upper bound on tokens per text. transformers.js truncates to tokenizer_config.model_max_length;
 * a static model has no positional limit, so this only bounds memory (the Gather output is
 * tokens × dims × 4 bytes: 128k tokens ≈ 51 MB). Abstracts are < 1k tokens; a whole paper ~15k.
 */
export const MODEL_MAX_LENGTH = 131072;

// Tokenisation: a hand copy of what transformers.js 3.8.1 does for the tokenizer.json we write
// (BertNormalizer{clean_text, handle_chinese_chars, lowercase, strip_accents} + BertPreTokenizer +
// WordLevel). The vocabulary is filtered through the same function, so every row is reachable.
const PUNCTUATION = '\\p{P}\\u0021-\\u002F\\u003A-\\u0040\\u005B-\\u0060\\u007B-\\u007E';
const PRE_TOKEN = new RegExp(`[^\\s${PUNCTUATION}]+|[${PUNCTUATION}]`, 'gu');
const PUNCT_ONLY = new RegExp(`^[${PUNCTUATION}]+$`, 'u');
// Added (special) tokens are matched in the raw text before normalisation, as transformers.js does.
const SPECIAL_SPLIT = /(\[PAD\]|\[UNK\])/;

function isChineseChar(cp) {
  return (
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x20000 && cp <= 0x2a6df) ||
    (cp >= 0x2a700 && cp <= 0x2b73f) ||
    (cp >= 0x2b740 && cp <= 0x2b81f) ||
    (cp >= 0x2b820 && cp <= 0x2ceaf) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0x2f800 && cp <= 0x2fa1f)
  );
}

/** BertNormalizer as configured in our tokenizer.json (mirrors transformers.js, quirks included). */
export function normalizeText(text) {
  let out = '';
  for (const ch of text) {
    // transformers.js looks at the first UTF-16 unit only; astral characters pass through.
    const cp = ch.charCodeAt(0);
    if (
      cp === 0 ||
      cp === 0xfffd ||
      (!/[\t\n\r]/.test(ch) && /^\p{Cc}|\p{Cf}|\p{Co}|\p{Cs}$/u.test(ch))
    )
      continue;
    out += /^\s$/.test(ch) ? ' ' : ch;
  }
  let spaced = '';
  for (let i = 0; i < out.length; i++) {
    const ch = out[i];
    spaced += isChineseChar(ch.charCodeAt(0)) ? ` ${ch} ` : ch;
  }
  return spaced
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '');
}

/** Pre-tokens of a text exactly as the shipped tokenizer produces them (special tokens kept). */
export function tokenize(text) {
  const tokens = [];
  for (const piece of text.split(SPECIAL_SPLIT)) {
    if (piece === PAD || piece === UNK) tokens.push(piece);
    else if (piece)
      for (const t of normalizeText(piece).trim().match(PRE_TOKEN) ?? []) tokens.push(t);
  }
  return tokens;
}

/** The one token a vocabulary word becomes, or null when the tokenizer could never produce it. */
export function vocabKey(word) {
  const t = normalizeText(word).trim().match(PRE_TOKEN);
  return t && t.length === 1 && t[0] === normalizeText(word) ? t[0] : null;
}

export function isPunctuation(token) {
  return PUNCT_ONLY.test(token);
}
