// @vitest-environment jsdom
// Paper pane: notes autosave through library:update after a pause, and at once on blur; the
// highlights are re-read when the library revision moves (another process added one).
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Annotation } from '@shared/annotations/types';
import type { Paper } from '@shared/api/schemas';
import { ApiContext } from '../../apiContext';
import { fakeApi, makePaper } from '../../testing/fakeApi';
import { PaperPane } from './PaperPane';

function renderPane(onClose: () => void = () => {}, over: Partial<Paper> = {}) {
  let paper: Paper = makePaper(1, { doi: '10.1/xyz', url: 'javascript:alert(1)', ...over });
  const changed: Paper[] = [];
  const fake = fakeApi({
    'library:get': () => paper,
    'library:update': (input) => {
      paper = { ...paper, ...input, tags: input.tags ?? paper.tags };
      return paper;
    },
  });
  render(
    <ApiContext.Provider value={fake.api}>
      <PaperPane
        id="p1"
        tagSuggestions={[]}
        onChanged={(p) => changed.push(p)}
        onTagsChanged={() => {}}
        onDelete={() => {}}
        onClose={onClose}
      />
    </ApiContext.Provider>,
  );
  return { fake, changed };
}

const updates = (fake: ReturnType<typeof fakeApi>) =>
  fake.calls.filter((c) => c.method === 'library:update').map((c) => c.input);

describe('PaperPane', () => {
  afterEach(cleanup);

  it('re-reads the highlights when the library version moves (a highlight added elsewhere)', async () => {
    const paper = makePaper(1, { abstract: 'We prove a bound. It is tight.' });
    const stored: Annotation[] = [];
    const fake = fakeApi({
      'library:get': () => paper,
      'annotations:list': () => ({ total: stored.length, offset: 0, items: stored }),
    });
    const pane = (version: number) => (
      <ApiContext.Provider value={fake.api}>
        <PaperPane
          id="p1"
          version={version}
          tagSuggestions={[]}
          onChanged={() => {}}
          onTagsChanged={() => {}}
          onDelete={() => {}}
          onClose={() => {}}
        />
      </ApiContext.Provider>
    );
    const { rerender } = render(pane(0));
    await screen.findByTestId('annotatable-abstract');
    await waitFor(() =>
      expect(fake.calls.filter((c) => c.method === 'annotations:list')).toHaveLength(1),
    );
    expect(screen.queryAllByTestId('highlight-item')).toHaveLength(0);

    // `quire annotations add` in a terminal: the file changes, App's revision poll bumps `version`.
    stored.push({
      id: 'a1',
      paperId: 'p1',
      field: 'abstract',
      selectors: {
        quote: { exact: 'It is tight.', prefix: 'a bound. ', suffix: '' },
        position: { start: 18, end: 30 },
      },
      kind: 'result',
      comment: '',
      created: '2026-01-01T00:00:00.000Z',
      modified: '2026-01-01T00:00:00.000Z',
      paperTitle: paper.title,
      anchor: { start: 18, end: 30, method: 'position' },
      orphaned: false,
    });
    rerender(pane(1));
    await waitFor(() => expect(screen.getAllByTestId('highlight-item')).toHaveLength(1));
    expect(
      screen.getByTestId('annotatable-abstract').querySelector('mark.ann-hl')?.textContent,
    ).toBe('It is tight.');
  });

  it('shows the paper, with safe links only', async () => {
    renderPane();
    expect((await screen.findByTestId('paper-title')).textContent).toBe('Paper 0001');
    expect(screen.getByText('10.1/xyz').getAttribute('href')).toBe('https://doi.org/10.1/xyz');
    expect(document.querySelector('a[href^="javascript:"]')).toBeNull();
  });

  it('shows volume, issue and pages in the details line when the paper has them', async () => {
    renderPane(() => {}, {
      venue: 'Sports Medicine',
      year: 1990,
      volume: '9',
      issue: '6',
      pages: '380-389',
    });
    expect(
      await screen.findByText('Sports Medicine · 1990 · vol. 9, no. 6 · pp. 380-389'),
    ).toBeTruthy();
  });

  it('Esc closes the pane, also from inside the notes', async () => {
    const onClose = vi.fn();
    renderPane(onClose);
    const notes = await screen.findByTestId('notes-input');
    fireEvent.keyDown(notes, { key: 'Escape' });
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('autosaves notes once typing pauses, with Saving… then Saved', async () => {
    const { fake, changed } = renderPane();
    const notes = await screen.findByTestId('notes-input');
    fireEvent.change(notes, { target: { value: 'first' } });
    fireEvent.change(notes, { target: { value: 'first thought' } });
    expect(screen.getByTestId('notes-status').textContent).toBe('Saving…');
    expect(updates(fake)).toEqual([]);
    await waitFor(() => expect(screen.getByTestId('notes-status').textContent).toBe('Saved'), {
      timeout: 2000,
    });
    expect(updates(fake)).toEqual([{ id: 'p1', notes: 'first thought' }]);
    expect(changed.at(-1)?.notes).toBe('first thought');
  });

  it('saves at once on blur', async () => {
    const { fake } = renderPane();
    const notes = await screen.findByTestId('notes-input');
    fireEvent.change(notes, { target: { value: 'quick' } });
    fireEvent.blur(notes);
    await waitFor(() => expect(updates(fake)).toEqual([{ id: 'p1', notes: 'quick' }]), {
      timeout: 200,
    });
  });

  it('adds a tag on Enter', async () => {
    const { fake } = renderPane();
    const input = await screen.findByTestId('tag-input');
    fireEvent.change(input, { target: { value: 'moe' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    await waitFor(() => expect(screen.getAllByTestId('tag-chip')).toHaveLength(1));
    expect(updates(fake)).toEqual([{ id: 'p1', tags: ['moe'] }]);
  });
});
