// JSON Lines importer: one paper object per line, with Quire's field names or common aliases.
import { errorMessage, QuireError } from '@shared/api/errors';
import type { Importer } from './types';
import { matchColumns } from './columns';
import { Collector, splitAuthors, splitTags, type RawDraft } from './limits';
import { cslName, type CslName } from './csl';

function asText(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  return '';
}

function asList(v: unknown, split: (s: string) => string[]): string[] {
  if (Array.isArray(v)) {
    // Authors may be strings or CSL-style name objects.
    return v.map((x) => (x && typeof x === 'object' ? cslName(x as CslName) : asText(x)));
  }
  return typeof v === 'string' ? split(v) : [];
}

function toDraft(obj: Record<string, unknown>): RawDraft {
  const cols = matchColumns(Object.keys(obj));
  const val = (f: keyof RawDraft): unknown => (cols[f] ? obj[cols[f]] : undefined);
  const year = val('year');
  return {
    title: asText(val('title')),
    abstract: asText(val('abstract')),
    authors: asList(val('authors'), splitAuthors),
    year: typeof year === 'number' ? year : asText(year),
    venue: asText(val('venue')),
    doi: asText(val('doi')),
    arxivId: asText(val('arxivId')),
    url: asText(val('url')),
    notes: asText(val('notes')),
    tags: asList(val('tags'), splitTags),
    volume: asText(val('volume')),
    issue: asText(val('issue')),
    edition: asText(val('edition')),
    pages: asText(val('pages')),
  };
}

export const jsonlImporter: Importer = {
  format: 'jsonl',
  label: 'JSON Lines',
  extensions: ['jsonl', 'ndjson'],
  sniff(head) {
    const lines = head.split('\n').filter((l) => l.trim());
    const first = lines[0]?.trim() ?? '';
    if (!/^\{\s*"/.test(first)) return false;
    // One object per line; a pretty-printed object (first line "{") is CSL-JSON instead.
    // A first line longer than the head is cut off, so it alone decides.
    return lines.length === 1 || (first.endsWith('}') && /^\s*\{/.test(lines[1] ?? ''));
  },
  async parse(text, ctx) {
    const lines = text.split('\n');
    const out = new Collector(ctx, null);
    let any = false;
    lines.forEach((line, i) => {
      if (!line.trim()) return;
      any = true;
      const at = `line ${i + 1}`;
      let obj: unknown;
      try {
        obj = JSON.parse(line);
      } catch (err) {
        out.skip(at, `${at}: ${errorMessage(err)}`);
        return;
      }
      if (!obj || typeof obj !== 'object' || Array.isArray(obj)) {
        out.skip(at, `${at}: not a JSON object`);
        return;
      }
      out.add(toDraft(obj as Record<string, unknown>), at);
    });
    if (!any) throw new QuireError('invalid_file', `${ctx.name} has no JSON lines.`);
    return out.result();
  },
};
