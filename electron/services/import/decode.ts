// Turns the bytes of an import source into text: BOM and encoding detection, size and binary checks.
import { QuireError } from '@shared/api/errors';
import { MAX_IMPORT_BYTES } from '@shared/api/schemas';

export type Decoded = { text: string; encoding: string; warnings: string[] };

const MB = 1024 * 1024;

/** Decodes an import file; throws `invalid_file` for oversized, binary or empty input. */
export function decodeBytes(bytes: Uint8Array, name: string): Decoded {
  if (bytes.byteLength > MAX_IMPORT_BYTES) {
    throw new QuireError(
      'invalid_file',
      `${name} is ${(bytes.byteLength / MB).toFixed(1)} MB; the import limit is ${MAX_IMPORT_BYTES / MB} MB.`,
    );
  }
  const warnings: string[] = [];
  let encoding: string;
  let text: string;
  const b0 = bytes[0];
  const b1 = bytes[1];
  if (b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf) {
    encoding = 'utf-8';
    text = strictUtf8(bytes.subarray(3)) ?? latin(bytes.subarray(3), name, warnings);
  } else if (b0 === 0xff && b1 === 0xfe) {
    encoding = 'utf-16le';
    text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
  } else if (b0 === 0xfe && b1 === 0xff) {
    encoding = 'utf-16be';
    text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
  } else if (bytes.includes(0)) {
    // NULs in text without a BOM mean UTF-16 only if they sit regularly in every other byte.
    const guess = guessUtf16(bytes);
    if (!guess) throw binary(name);
    encoding = guess;
    text = new TextDecoder(guess).decode(bytes);
    warnings.push(`${name} has no byte-order mark; decoded it as ${guess.toUpperCase()}.`);
  } else {
    encoding = 'utf-8';
    const utf8 = strictUtf8(bytes);
    if (utf8 === null) encoding = 'windows-1252';
    text = utf8 ?? latin(bytes, name, warnings);
  }
  if (looksBinary(text)) throw binary(name);
  // One line-ending convention for every importer: CRLF and lone CR become LF.
  text = text.replace(/\r\n?/g, '\n');
  if (text.trim() === '') {
    throw new QuireError(
      'invalid_file',
      text === '' ? `${name} is empty.` : `${name} is empty (only whitespace).`,
    );
  }
  return { text, encoding, warnings };
}

function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

function latin(bytes: Uint8Array, name: string, warnings: string[]): string {
  warnings.push(
    `${name} is not valid UTF-8; decoded it as Windows-1252 (Latin-1). Check accented characters.`,
  );
  return new TextDecoder('windows-1252').decode(bytes);
}

function guessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.6 && evenZero < pairs * 0.05) return 'utf-16le';
  if (evenZero > pairs * 0.6 && oddZero < pairs * 0.05) return 'utf-16be';
  return null;
}

/** Any NUL, or more than 10 % control characters in the first 8 K, is not a text file. */
function looksBinary(text: string): boolean {
  const head = text.slice(0, 8192);
  if (head.length === 0) return false;
  let control = 0;
  for (let i = 0; i < head.length; i++) {
    const c = head.charCodeAt(i);
    if (c === 0) return true;
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || (c >= 0x7f && c <= 0x9f))
      control++;
  }
  return control > head.length * 0.1;
}

function binary(name: string): QuireError {
  return new QuireError(
    'invalid_file',
    `${name} looks like a binary file, not text. Import reads BibTeX, RIS, CSL-JSON, arXiv Atom, CSV/TSV, JSONL or paper-feed text.`,
  );
}
