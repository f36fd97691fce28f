// @vitest-environment jsdom
// The paper's highlight list: text order (title first), an orphaned highlight flagged and kept
// with its quote and comment, the kind's colour on each item.
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_KINDS, type Annotation } from '@shared/annotations/types';
import { HighlightList } from './HighlightList';
import type { Kinds } from './useKinds';

afterEach(cleanup);

const kinds: Kinds = {
  kinds: DEFAULT_KINDS,
  colourOf: (id) => DEFAULT_KINDS.find((k) => k.id === id)?.color ?? '#999999',
  labelOf: (id) => DEFAULT_KINDS.find((k) => k.id === id)?.label ?? id,
  save: async () => {},
};

function ann(
  id: string,
  field: 'title' | 'abstract',
  start: number,
  over: Partial<Annotation> = {},
): Annotation {
  return {
    id,
    paperId: 'p1',
    field,
    selectors: {
      quote: { exact: `quote ${id}`, prefix: '', suffix: '' },
      position: { start, end: start + 5 },
    },
    kind: 'claim',
    comment: '',
    created: '',
    modified: '',
    paperTitle: 'T',
    anchor: { start, end: start + 5, method: 'position' },
    orphaned: false,
    ...over,
  };
}

describe('HighlightList', () => {
  it('orders by field and place, and flags an orphaned highlight without dropping it', () => {
    const noop = () => {};
    render(
      <HighlightList
        items={[
          ann('late', 'abstract', 40),
          ann('gone', 'abstract', 10, { orphaned: true, anchor: null, comment: 'Still *here*' }),
          ann('head', 'title', 3, { kind: 'limitation' }),
        ]}
        kinds={kinds}
        active={null}
        onActivate={noop}
        onComment={noop}
        onKind={noop}
        onRemove={noop}
        openPaper={noop}
      />,
    );
    const items = screen.getAllByTestId('highlight-item');
    expect(items.map((i) => i.querySelector('blockquote')?.textContent)).toEqual([
      'quote head',
      'quote gone',
      'quote late',
    ]);
    expect(items.map((i) => i.getAttribute('data-orphaned'))).toEqual(['false', 'true', 'false']);
    expect(screen.getAllByTestId('orphaned-flag')).toHaveLength(1);
    expect(items[1]?.querySelector('em')?.textContent).toBe('here');
    expect(items[0]?.style.getPropertyValue('--hl')).toBe('#eb5757');
  });
});
