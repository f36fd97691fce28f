// Deterministic JSON for notebook files and hashes: a fixed key order and a layout chosen for
// line-based diffs (see FORMAT.md). JSON.stringify keeps insertion order, which depends on
// who built the object, so two saves of the same notebook could differ without this.

/** Keys that read best first, in this order; every other key follows alphabetically. */
const KEY_PRIORITY = [
  'format',
  'version',
  'id',
  'type',
  'kind',
  'name',
  'title',
  'createdAt',
  'updatedAt',
  'revision',
  'source',
  'data',
  'outputs',
  'inputsHash',
  'ranAt',
  'cells',
];
const RANK = new Map(KEY_PRIORITY.map((k, i) => [k, i]));

export function orderedKeys(obj: object): string[] {
  return Object.keys(obj)
    .filter((k) => (obj as Record<string, unknown>)[k] !== undefined)
    .sort((a, b) => {
      const ra = RANK.get(a) ?? Infinity;
      const rb = RANK.get(b) ?? Infinity;
      if (ra !== rb) return ra - rb;
      return a < b ? -1 : a > b ? 1 : 0;
    });
}

function isPrimitive(v: unknown): boolean {
  return v === null || typeof v !== 'object';
}

/**
 * 2-space indented JSON with ordered keys. An array of primitives nested directly in another
 * array (a table row, a point list) is written on one line, so a changed row is a one-line diff;
 * every other array has one element per line (so source lines diff line by line).
 */
export function stableStringify(value: unknown): string {
  return write(value, '', false) + '\n';
}

function write(v: unknown, indent: string, inArray: boolean): string {
  if (v === undefined) return 'null';
  if (typeof v === 'number' && !Number.isFinite(v)) return 'null';
  if (isPrimitive(v)) return JSON.stringify(v);
  const toJSON = (v as { toJSON?: () => unknown }).toJSON;
  if (typeof toJSON === 'function') return write(toJSON.call(v), indent, inArray);
  const inner = indent + '  ';
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    if (inArray && v.every(isPrimitive))
      return '[' + v.map((x) => write(x, '', true)).join(', ') + ']';
    return '[\n' + v.map((x) => inner + write(x, inner, true)).join(',\n') + '\n' + indent + ']';
  }
  const keys = orderedKeys(v as object);
  if (keys.length === 0) return '{}';
  const rec = v as Record<string, unknown>;
  return (
    '{\n' +
    keys.map((k) => `${inner}${JSON.stringify(k)}: ${write(rec[k], inner, false)}`).join(',\n') +
    '\n' +
    indent +
    '}'
  );
}

/** Compact canonical JSON (ordered keys, no spaces): the input of content hashes. */
export function canonicalJson(value: unknown): string {
  if (value === undefined) return 'null';
  if (typeof value === 'number' && !Number.isFinite(value)) return 'null';
  if (isPrimitive(value)) return JSON.stringify(value);
  if (Array.isArray(value)) return '[' + value.map(canonicalJson).join(',') + ']';
  const rec = value as Record<string, unknown>;
  return (
    '{' +
    orderedKeys(value as object)
      .map((k) => JSON.stringify(k) + ':' + canonicalJson(rec[k]))
      .join(',') +
    '}'
  );
}

/**
 * A 106-bit content hash (two independent 53-bit cyrb53 lanes), synchronous and the same in Node
 * and browsers. Used only to notice that inputs changed, never for security; WebCrypto's SHA-256
 * would be async everywhere and Node's crypto does not exist in the renderer.
 */
export function contentHash(text: string): string {
  return (
    lane(text, 0x9e3779b9).toString(16).padStart(14, '0') +
    lane(text, 0x85ebca6b).toString(16).padStart(14, '0')
  );
}

function lane(str: string, seed: number): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < str.length; i++) {
    const ch = str.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}
