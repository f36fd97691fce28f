// @vitest-environment jsdom
// `@` in a markdown cell offers papers and highlights from two separate answers: the option the
// reader moved to stays the active one when the other list arrives later, so Enter inserts it.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiContext } from '../../apiContext';
import { fakeApi, makePaper } from '../../testing/fakeApi';
import { MarkdownEditor } from '../notebooks/cells/MarkdownCellView';
import { makeAnnotation } from './annotation.fixtures';

afterEach(cleanup);

const highlight = makeAnnotation('optimistic bound');

describe('MarkdownEditor @ with highlights', () => {
  it('keeps the highlight active when the papers answer after it', async () => {
    let releasePapers: () => void = () => {};
    const papersAnswered = new Promise<void>((ok) => (releasePapers = ok));
    const fake = fakeApi({
      'library:list': async () => {
        await papersAnswered;
        return { items: [makePaper(1), makePaper(2)], total: 2, filled: [] } as never;
      },
      'search:query': () => ({ hits: [] }) as never,
      'annotations:list': () => ({ total: 1, offset: 0, items: [highlight] }),
      'annotations:kinds:get': () => [{ id: 'claim', label: 'Claim', color: '#f2c94c' }],
    });
    let value = '';
    function Host() {
      const [v, setV] = useState('');
      value = v;
      return <MarkdownEditor value={v} onChange={setV} autoFocus />;
    }
    render(
      <ApiContext.Provider value={fake.api}>
        <Host />
      </ApiContext.Provider>,
    );
    const box = screen.getByTestId('cell-editor') as HTMLTextAreaElement;
    fireEvent.change(box, { target: { value: '@optimistic', selectionStart: 11 } });
    const option = await screen.findByTestId('highlight-suggest-item');
    expect(option.getAttribute('aria-selected')).toBe('true');
    releasePapers();
    await waitFor(() => expect(screen.getAllByTestId('paper-suggest-item')).toHaveLength(2));
    expect(screen.getByTestId('highlight-suggest-item').getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(box, { key: 'Enter' });
    await waitFor(() => expect(value).toMatch(/^> optimistic bound\n/));
  });
});
