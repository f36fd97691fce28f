// CSL-JSON importer (Zotero, citation-js, pandoc): an array of items, or a single item, checked with zod.
import { z } from 'zod';
import { errorMessage, QuireError } from '@shared/api/errors';
import type { Importer } from './types';
import { cslToDraft, type CslItem } from './csl';
import { decodeDraftEntities } from './entities';
import { Collector } from './limits';

const text = z.union([z.string(), z.number().transform(String)]);
const NameSchema = z.looseObject({
  given: text.optional(),
  family: text.optional(),
  literal: text.optional(),
  'dropping-particle': text.optional(),
  'non-dropping-particle': text.optional(),
  suffix: text.optional(),
});
const DateSchema = z.looseObject({
  'date-parts': z.array(z.array(z.union([z.number(), z.string()]))).optional(),
  raw: text.optional(),
  literal: text.optional(),
});
/** Only the fields Quire reads are checked; anything else a producer adds is ignored. */
const ItemSchema = z.looseObject({
  title: text.optional(),
  abstract: text.optional(),
  author: z.array(NameSchema).optional(),
  issued: z.union([DateSchema, z.array(DateSchema).transform((a) => a[0])]).optional(),
  'container-title': z.union([text, z.array(z.string())]).optional(),
  'event-title': text.optional(),
  DOI: text.optional(),
  URL: text.optional(),
  note: text.optional(),
  keyword: z.union([text, z.array(z.string()).transform((a) => a.join(','))]).optional(),
  number: text.optional(),
  archive: text.optional(),
  archive_location: text.optional(),
  publisher: text.optional(),
  volume: text.optional(),
  issue: text.optional(),
  edition: text.optional(),
  page: text.optional(),
});

export const cslJsonImporter: Importer = {
  format: 'csl-json',
  label: 'CSL-JSON',
  extensions: ['json'],
  sniff(head) {
    const t = head.trimStart();
    return (t.startsWith('[') || t.startsWith('{')) && /"(title|type|issued|author)"\s*:/.test(t);
  },
  async parse(input, ctx) {
    let json: unknown;
    try {
      json = JSON.parse(input);
    } catch (err) {
      throw new QuireError('invalid_file', `${ctx.name} is not valid JSON: ${errorMessage(err)}`);
    }
    // Some tools wrap the list: {"items": […]}.
    const wrapped =
      json &&
      typeof json === 'object' &&
      !Array.isArray(json) &&
      Array.isArray((json as { items?: unknown }).items)
        ? (json as { items: unknown[] }).items
        : json;
    const items = Array.isArray(wrapped) ? wrapped : [wrapped];
    if (items.length === 0) throw new QuireError('invalid_file', `${ctx.name} is an empty list.`);
    const out = new Collector(ctx, items.length);
    items.forEach((item, k) => {
      const at = `item ${k + 1}`;
      if (!item || typeof item !== 'object' || Array.isArray(item)) {
        out.skip(at, 'not a CSL item (expected a JSON object)');
        return;
      }
      const r = ItemSchema.safeParse(item);
      if (!r.success) {
        const issue = r.error.issues[0];
        out.skip(
          at,
          `not a valid CSL item: ${issue ? `${issue.path.join('.') || 'item'}: ${issue.message}` : 'bad shape'}`,
        );
        return;
      }
      out.add(decodeDraftEntities(cslToDraft(r.data as CslItem)), at);
    });
    return out.result();
  },
};
