// Paper references in markdown cells. Stored as `@[Shown title](paper:ID)`: readable as plain
// text, valid Markdown link syntax after the `@`, and unambiguous to find (see FORMAT.md).

export const PAPER_REF_RE = /@\[([^\]\n]*)\]\(paper:([^)\s]+)\)/g;

export type PaperRefMatch = { label: string; paperId: string; index: number; length: number };

export function findPaperRefs(text: string): PaperRefMatch[] {
  return [...text.matchAll(PAPER_REF_RE)].map((m) => ({
    label: m[1] ?? '',
    paperId: m[2] ?? '',
    index: m.index,
    length: m[0].length,
  }));
}

/** The stored form of a reference (what the editor inserts after `@` completion). */
export function paperRef(paperId: string, label: string): string {
  return `@[${label.replace(/[[\]\n]/g, ' ').trim()}](paper:${paperId})`;
}
