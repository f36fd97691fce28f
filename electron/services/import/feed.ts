// Importer for "trending papers" feed text: page chrome, then title line / abstract line pairs.
import type { Importer } from './types';
import { Collector, SNIFF_BYTES } from './limits';

/** Lines of e-mail/web page chrome that are never papers. */
const CHROME = [
  /^get trending papers in your email inbox/i,
  /^subscribe$/i,
  /^unsubscribe\b/i,
  /^view (this email )?in (your )?browser/i,
];
/** The feed glues its first title to the "Subscribe" button text: "SubscribeGShard: …". */
const GLUED_SUBSCRIBE = /^Subscribe(?=[A-Z0-9"'“(])/;

/** A title is short; an abstract is long. Real feed titles are < 200 chars, abstracts > 400. */
const SHORT = 250;

type Line = { text: string; no: number };

function feedLines(text: string): Line[] {
  const lines: Line[] = [];
  text.split('\n').forEach((raw, i) => {
    const t = raw.trim();
    if (!t || CHROME.some((re) => re.test(t))) return;
    lines.push({ text: lines.length === 0 ? t.replace(GLUED_SUBSCRIBE, '') : t, no: i + 1 });
  });
  return lines;
}

/**
 * A pending title's next line is its abstract, unless that line is short and is itself
 * followed by a much longer line: then the pending title lost its abstract (re-sync).
 */
function startsNewPair(next: Line, after: Line | undefined): boolean {
  return (
    next.text.length <= SHORT &&
    after !== undefined &&
    after.text.length > Math.max(2 * next.text.length, SHORT)
  );
}

export const feedImporter: Importer = {
  format: 'feed',
  label: 'Paper feed text',
  extensions: ['txt'],
  sniff(head) {
    if (/get trending papers in your email inbox/i.test(head)) return true;
    // Pasted feed text: short-line / long-line pairs, and nothing that looks tabular.
    const all = feedLines(head);
    // A head shorter than the sniff window is the whole text: its last line is complete, and one
    // pasted paper (a title line, an abstract line) is enough. Otherwise the last line may be cut.
    const complete = head.length < SNIFF_BYTES;
    const lines = all.slice(0, 20);
    if (lines.length < (complete ? 2 : 4) || lines.some((l) => l.text.includes('\t'))) return false;
    const judged = complete && all.length <= 20 ? lines : lines.slice(0, -1);
    const isLong = (l: Line): boolean => l.text.length >= 120;
    let long = 0;
    let afterShort = 0;
    judged.forEach((l, k) => {
      if (!isLong(l)) return;
      long++;
      const prev = judged[k - 1];
      if (prev && !isLong(prev) && prev.text.length <= SHORT) afterShort++;
    });
    const short = judged.length - long;
    // Mostly title/abstract pairs, allowing a title that lost its abstract.
    return long >= 1 && afterShort >= long * 0.75 && short <= 2 * long + 1;
  },
  async parse(text, ctx) {
    const lines = feedLines(text);
    const out = new Collector(ctx, Math.ceil(lines.length / 2));
    for (let i = 0; i < lines.length;) {
      const title = lines[i]!;
      const next = lines[i + 1];
      if (next === undefined || startsNewPair(next, lines[i + 2])) {
        // Decision: a title without an abstract is still a paper (only the title is required),
        // so it is imported with an empty abstract and a warning says where.
        out.warn(
          `line ${title.no}: "${title.text.slice(0, 80)}" has no abstract; imported without one.`,
        );
        out.add({ title: title.text }, `line ${title.no}`);
        i += 1;
        continue;
      }
      out.add({ title: title.text, abstract: next.text }, `line ${title.no}`);
      i += 2;
    }
    return out.result();
  },
};
