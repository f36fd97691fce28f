// arXiv API (Atom XML) importer via fast-xml-parser.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { errorMessage, QuireError } from '@shared/api/errors';
import type { Importer } from './types';
import { decodeDraftEntities } from './entities';
import { cleanArxivId, Collector } from './limits';

type AtomText = string | { '#text'?: string };
type AtomLink = { '@_href'?: string; '@_rel'?: string; '@_type'?: string; '@_title'?: string };
type AtomEntry = {
  id?: AtomText;
  title?: AtomText;
  summary?: AtomText;
  published?: AtomText;
  updated?: AtomText;
  author?: { name?: AtomText }[];
  link?: AtomLink[];
  'arxiv:doi'?: AtomText;
  'arxiv:journal_ref'?: AtomText;
};

const parser = new XMLParser({
  ignoreAttributes: false,
  // Keep every value a string: a title such as "1984" must not become a number.
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name) => name === 'entry' || name === 'author' || name === 'link',
});

function str(v: AtomText | undefined): string {
  if (v === undefined || v === null) return '';
  return typeof v === 'string' ? v : (v['#text'] ?? '');
}

export const arxivAtomImporter: Importer = {
  format: 'arxiv-atom',
  label: 'arXiv Atom XML',
  extensions: ['atom', 'xml'],
  sniff(head) {
    return /<feed[\s>]/.test(head) && /<entry[\s>]|arxiv|w3\.org\/2005\/Atom/i.test(head);
  },
  async parse(text, ctx) {
    const valid = XMLValidator.validate(text);
    if (valid !== true) {
      const { line, msg } = valid.err;
      throw new QuireError(
        'invalid_file',
        `${ctx.name} is not well-formed XML (line ${line}: ${msg}).`,
      );
    }
    let doc: { feed?: { entry?: AtomEntry[] } };
    try {
      doc = parser.parse(text) as typeof doc;
    } catch (err) {
      // Well-formed but beyond the parser's limits, e.g. "Maximum nested tags exceeded" (found by fuzz).
      throw new QuireError(
        'invalid_file',
        `${ctx.name} could not be read as an Atom feed: ${errorMessage(err)}.`,
      );
    }
    if (!doc.feed)
      throw new QuireError('invalid_file', `${ctx.name} is XML but not an Atom feed (no <feed>).`);
    const entries = doc.feed.entry ?? [];
    const out = new Collector(ctx, entries.length);
    if (entries.length === 0) out.warn(`${ctx.name} is an Atom feed with no entries.`);
    entries.forEach((e, k) => {
      const id = str(e.id);
      const links = e.link ?? [];
      // arXiv's API reports query errors as an entry titled "Error" whose id is …/api/errors.
      if (/\/api\/errors/.test(id)) {
        out.skip(`entry ${k + 1}`, `arXiv API error: ${str(e.summary)}`);
        return;
      }
      const page =
        links.find((l) => l['@_rel'] === 'alternate' && l['@_type'] === 'text/html') ??
        links.find((l) => l['@_rel'] === 'alternate');
      const arxivId = /arxiv\.org\/abs\//i.test(id) ? cleanArxivId(id) : '';
      // The XML parser decodes XML's escaping; arXiv's text is HTML-escaped under it
      // (`&amp;#177;` → `&#177;`), so references are decoded once more, here.
      out.add(
        decodeDraftEntities({
          title: str(e.title),
          abstract: str(e.summary),
          authors: (e.author ?? []).map((a) => str(a.name)),
          year: str(e.published) || str(e.updated),
          venue: str(e['arxiv:journal_ref']),
          doi: str(e['arxiv:doi']),
          arxivId,
          url: page?.['@_href'] ?? (/^https?:/.test(id) ? id : ''),
        }),
        `entry ${k + 1}${arxivId ? ` (${arxivId})` : ''}`,
      );
    });
    return out.result();
  },
};
