// @vitest-environment jsdom
// Paper pane: notes autosave through library:update after a pause, and at once on blur.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Paper } from '../../../../shared/api/schemas';
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
