// Seeded generators of hostile API inputs for the fuzz tests: wrong types, huge strings, lone
// surrogates, nested junk, missing fields and prototype-pollution keys. Same seed → same inputs.
import type { z } from 'zod';
import { createRng, type Rng } from '@shared/graph/rng';

export { createRng, type Rng };

export const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[rng.int(xs.length)]!;

/** Keys a schema's objects take (through defaults, optionals, pipes and unions), to aim junk at real fields. */
export function keysOf(schema: z.ZodType | undefined, depth = 0): string[] {
  const def = (schema as { _zod?: { def?: Record<string, unknown> } } | undefined)?._zod?.def;
  if (!def || depth > 6) return [];
  switch (def.type) {
    case 'object':
      return Object.keys(def.shape as object);
    case 'default':
    case 'prefault':
    case 'optional':
    case 'nullable':
    case 'readonly':
    case 'catch':
      return keysOf(def.innerType as z.ZodType, depth + 1);
    case 'pipe':
      return keysOf(def.in as z.ZodType, depth + 1);
    case 'union':
      return (def.options as z.ZodType[]).flatMap((o) => keysOf(o, depth + 1));
    default:
      return [];
  }
}

const LONE_HIGH = '\ud800';
const LONE_LOW = '\udfff';
const POLLUTING_KEYS = ['__proto__', 'constructor', 'prototype'];

/** Odd strings: empty, blank, huge, lone surrogates, controls, paths, URLs, escapes, RTL, emoji. */
export function oddString(rng: Rng): string {
  switch (rng.int(16)) {
    case 0:
      return '';
    case 1:
      return ' \t\n ';
    case 2:
      return 'x'.repeat(100_000 + rng.int(100_000));
    case 3:
      return `a${LONE_HIGH}b`;
    case 4:
      return `${LONE_LOW}main`;
    case 5:
      return '\u0000\u0001\u001b[31m\u007f';
    case 6:
      return pick(rng, ['../../../../etc/passwd', '/etc/passwd', 'C:\\Windows\\win.ini', '~']);
    case 7:
      return pick(rng, ['%ZZ', '%', '%E0%A4%A', 'http://[/', 'http://127.0.0.1:99999/']);
    case 8:
      return '\u202e\u0301\ufeff\u200b' + '😀'.repeat(1 + rng.int(50));
    case 9:
      return pick(rng, POLLUTING_KEYS);
    case 10:
      return pick(rng, ['main', 'quire-glove-100d', 'Xenova/x', 'bibtex', 'feed', 'hybrid', 'md']);
    case 11:
      return ' '.repeat(50_000) + 'x';
    case 12:
      return '{"__proto__":{"polluted":true}}';
    case 13:
      return 'a'.repeat(1 + rng.int(300));
    case 14:
      return String(rng.int(1_000_000));
    default:
      return Array.from({ length: 1 + rng.int(40) }, () =>
        String.fromCharCode(rng.int(0x10000)),
      ).join('');
  }
}

/** Any JSON value, nested up to `depth`, biased towards the odd ones. */
export function junk(rng: Rng, depth = 3): unknown {
  const leaf = depth <= 0;
  switch (rng.int(leaf ? 8 : 11)) {
    case 0:
      return null;
    case 1:
      return rng.next() < 0.5;
    case 2:
      return pick(rng, [0, -1, 1, 1.5, -0.0, 2 ** 53 + 2, 1e308, -1e308, 4294967296, 1e-320]);
    case 3:
    case 4:
    case 5:
      return oddString(rng);
    case 6:
      return rng.int(1_000_000) - 500_000;
    case 7:
      return [];
    case 8:
      return Array.from({ length: rng.int(6) }, () => junk(rng, depth - 1));
    case 9:
      return rng.next() < 0.1
        ? Array.from({ length: 10_000 }, () => rng.int(10))
        : { [pick(rng, [...POLLUTING_KEYS, 'x', 'id'])]: junk(rng, depth - 1) };
    default:
      return junkObject(rng, [], depth - 1);
  }
}

/** An object with some of `keys` (each a junk value), maybe unknown and polluting keys too. */
export function junkObject(rng: Rng, keys: string[], depth = 2): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of keys) if (rng.next() < 0.7) out[k] = junk(rng, depth);
  if (rng.next() < 0.3) out[pick(rng, ['extra', 'ZZ', ''])] = junk(rng, depth);
  return out;
}

/** A JSON body, with a polluting key written literally (JSON.stringify would drop `__proto__` set as a prototype). */
export function toBody(rng: Rng, input: unknown): string {
  const text = JSON.stringify(input) ?? 'null';
  if (rng.next() < 0.15 && text.startsWith('{') && text !== '{}') {
    const key = pick(rng, POLLUTING_KEYS);
    return `{"${key}":{"polluted":true,"toString":1},${text.slice(1)}`;
  }
  return text;
}

/**
 * Corrupts one field of a valid-looking input, at any depth. Half the time the field keeps its type
 * (an odd string for a string, an odd number for a number), so the input often passes the schema
 * and the oddity reaches the service behind it.
 */
export function mutate(rng: Rng, base: Record<string, unknown>): unknown {
  if (rng.next() < 0.1) return junk(rng, 3);
  const out: Record<string, unknown> = structuredClone(base);
  const keys = Object.keys(out);
  const key = keys.length ? pick(rng, keys) : 'x';
  const v = out[key];
  const r = rng.next();
  if (v && typeof v === 'object' && !Array.isArray(v) && r < 0.5)
    out[key] = mutate(rng, v as Record<string, unknown>);
  else if (typeof v === 'string' && r < 0.7) out[key] = oddString(rng);
  else if (typeof v === 'number' && r < 0.7)
    out[key] = pick(rng, [0, -1, 1e9, 2 ** 31, 0.5, -0.0, Number.MAX_SAFE_INTEGER]);
  else if (Array.isArray(v) && r < 0.7)
    out[key] = rng.next() < 0.5 ? [] : [...v, oddString(rng), junk(rng, 1)];
  else if (r < 0.85) delete out[key];
  else out[key] = junk(rng, 2);
  return out;
}
