// A highlight quoted into a notebook: one Markdown block quote (passage, comment, citation with a
// link back) that the notebook's own renderer shows as a quote with a paper link and math.
import { describe, expect, it } from 'vitest';
import type { Annotation } from '@shared/annotations/types';
import { findPaperRefs } from '@shared/notebook/references';
import { renderMarkdown } from '../notebooks/markdown';
import { makeAnnotation } from './annotation.fixtures';
import { highlightIdOf, quoteMarkdown } from './quote';

const ann = (over: Partial<Annotation> = {}): Annotation =>
  makeAnnotation(
    'We bound it by\n$O(\\sqrt{T})$.',
    {
      id: 'a/1 b',
      paperId: 'p9',
      kind: 'result',
      comment: 'First line.\n\nSecond with $x^2$.',
      created: '2026-11-30T00:00:00Z',
      modified: '2026-11-30T00:00:00Z',
      paperTitle: 'Regret [Bounds]',
      ...over,
    },
    { start: 0, end: 28 },
  );

describe('quoteMarkdown', () => {
  it('quotes the passage on one line, then the comment, then the citation with a link back', () => {
    const md = quoteMarkdown(ann(), 'Result');
    expect(md).toBe(
      [
        '> We bound it by $O(\\sqrt{T})$.',
        '>',
        '> First line.',
        '>',
        '> Second with $x^2$.',
        '>',
        '> — @[Regret  Bounds](paper:p9), [Result](#quire-highlight/a%2F1%20b)',
        '',
      ].join('\n'),
    );
    expect(findPaperRefs(md).map((r) => r.paperId)).toEqual(['p9']);
    expect(highlightIdOf('#quire-highlight/a%2F1%20b')).toBe('a/1 b');
    expect(highlightIdOf('#elsewhere')).toBeNull();
  });

  it('leaves the comment out when there is none', () => {
    expect(quoteMarkdown(ann({ comment: '  ' }), 'Result').split('\n>\n')).toHaveLength(2);
  });

  it('renders as one block quote with the math, the paper link and the highlight link', () => {
    const html = renderMarkdown(quoteMarkdown(ann(), 'Result'));
    expect(html.match(/<blockquote>/g)).toHaveLength(1);
    expect(html).toContain('data-paper-id="p9"');
    expect(html).toContain('href="#quire-highlight/a%2F1%20b"');
    expect(html.match(/class="katex"/g)?.length).toBe(2);
  });
});
