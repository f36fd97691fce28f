// @vitest-environment jsdom
// Library table: renders rows from library:list, re-sorts when a column header is clicked, hides
// the columns the whole library leaves empty (the column menu shows them), renders TeX titles,
// and moves the selection with the keyboard as file managers do.
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ListInput, Paper } from '@shared/api/schemas';
import { ApiContext } from '../../apiContext';
import { fakeApi, makePaper, stubLayout } from '../../testing/fakeApi';
import { RequestBus } from '../../navigation/requests';
import { NavigationContext } from '../../navigation/useRequests';
import { LibraryView } from './LibraryView';

const PAPERS = Array.from({ length: 1200 }, (_, i) => makePaper(i));

function list(input: ListInput) {
  const key = input.sort ?? 'addedAt';
  const sorted = [...PAPERS].sort((a, b) => {
    const av = a[key as keyof Paper] as string | number;
    const bv = b[key as keyof Paper] as string | number;
    const c = av < bv ? -1 : av > bv ? 1 : a.id.localeCompare(b.id);
    return input.dir === 'desc' ? -c : c;
  });
  const offset = input.offset ?? 0;
  return {
    total: sorted.length,
    offset,
    items: sorted.slice(offset, offset + (input.limit ?? 100)),
  };
}

function renderLibrary(listFn: typeof list = list, bus = new RequestBus()) {
  const fake = fakeApi({ 'library:list': listFn });
  render(
    <ApiContext.Provider value={fake.api}>
      <NavigationContext.Provider value={bus}>
        <LibraryView
          version={0}
          tags={[]}
          selectedId={null}
          onSelect={() => {}}
          onOpen={() => {}}
          onDelete={() => {}}
          onImport={() => {}}
          onExport={() => {}}
          pane={null}
        />
      </NavigationContext.Provider>
    </ApiContext.Provider>,
  );
  return fake;
}

/** The library with its selection kept as App keeps it, and spies on open/delete. */
function renderSelectable() {
  const fake = fakeApi({ 'library:list': list });
  const onDelete = vi.fn();
  function Host() {
    const [selectedId, setSelectedId] = useState<string | null>(null);
    return (
      <LibraryView
        version={0}
        tags={[]}
        selectedId={selectedId}
        onSelect={setSelectedId}
        onOpen={() => {}}
        onDelete={onDelete}
        onImport={() => {}}
        onExport={() => {}}
        pane={null}
      />
    );
  }
  render(
    <ApiContext.Provider value={fake.api}>
      <Host />
    </ApiContext.Provider>,
  );
  return { onDelete };
}

describe('LibraryView', () => {
  beforeAll(() => stubLayout());
  afterEach(cleanup);

  it('renders only the visible rows of a large library, loaded a page at a time', async () => {
    const fake = renderLibrary();
    await waitFor(() =>
      expect(screen.getByTestId('library-count').textContent).toBe('1,200 papers'),
    );
    const rows = await screen.findAllByTestId('paper-row');
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.length).toBeLessThan(60);
    expect(rows[0]?.textContent).toContain('Paper 0000');
    const lists = fake.calls.filter((c) => c.method === 'library:list');
    expect(lists.every((c) => (c.input as ListInput).limit! <= 1000)).toBe(true);
  });

  it('sorts by a column, then reverses on a second click', async () => {
    const fake = renderLibrary();
    await screen.findAllByTestId('paper-row');

    fireEvent.click(screen.getByTestId('sort-title'));
    await waitFor(() => {
      const last = fake.calls.at(-1)?.input as ListInput;
      expect([last.sort, last.dir]).toEqual(['title', 'asc']);
    });
    await waitFor(() =>
      expect(screen.getAllByTestId('paper-row')[0]?.textContent).toContain('Paper 0000'),
    );

    fireEvent.click(screen.getByTestId('sort-title'));
    await waitFor(() =>
      expect(screen.getAllByTestId('paper-row')[0]?.textContent).toContain('Paper 1199'),
    );
    expect(screen.getByTestId('sort-title').closest('[role=columnheader]')).toHaveProperty(
      'ariaSort',
      'descending',
    );
  });

  it('debounces the text filter into one library:list call', async () => {
    const fake = renderLibrary();
    await screen.findAllByTestId('paper-row');
    const before = fake.calls.length;
    const input = screen.getByTestId('filter-input');
    for (const text of ['s', 'sc', 'sca', 'scal'])
      fireEvent.change(input, { target: { value: text } });
    await waitFor(() =>
      expect(fake.calls.some((c) => (c.input as ListInput).text === 'scal')).toBe(true),
    );
    const filtered = fake.calls.slice(before).filter((c) => (c.input as ListInput).text);
    expect(filtered.map((c) => (c.input as ListInput).text)).toEqual(['scal']);
  });

  it('End selects the last row even before its page has loaded; Home the first', async () => {
    renderSelectable();
    await screen.findAllByTestId('paper-row');
    const table = screen.getByTestId('paper-table');
    fireEvent.keyDown(table, { key: 'End' });
    await waitFor(() => expect(table.getAttribute('aria-activedescendant')).toBe('row-p1199'));
    fireEvent.keyDown(table, { key: 'Home' });
    await waitFor(() => expect(table.getAttribute('aria-activedescendant')).toBe('row-p0'));
  });

  it('Delete deletes the selected paper; Backspace does not', async () => {
    const { onDelete } = renderSelectable();
    await screen.findAllByTestId('paper-row');
    const table = screen.getByTestId('paper-table');
    fireEvent.keyDown(table, { key: 'ArrowDown' });
    await waitFor(() => expect(table.getAttribute('aria-activedescendant')).toBe('row-p0'));
    fireEvent.keyDown(table, { key: 'Backspace' });
    expect(onDelete).not.toHaveBeenCalled();
    fireEvent.keyDown(table, { key: 'Delete' });
    expect(onDelete).toHaveBeenCalledWith('p0');
  });

  it('hides columns empty in the whole library; the column menu shows them again', async () => {
    localStorage.clear();
    const feed = PAPERS.slice(0, 50).map((p) => ({ ...p, authors: [], year: null, venue: '' }));
    renderLibrary((input) => ({
      ...list(input),
      items: feed.slice(0, input.limit ?? 100),
      total: feed.length,
      filled: { authors: false, year: false, venue: false, tags: false },
    }));
    await screen.findAllByTestId('paper-row');
    const heads = () =>
      screen.getAllByRole('columnheader').map((h) => h.textContent?.replace(/[▲▼]/, ''));
    expect(heads()).toEqual(['Title', 'Added']);
    expect(screen.getAllByTestId('paper-row')[0]?.querySelectorAll('[role=gridcell]').length).toBe(
      2,
    );

    fireEvent.click(screen.getByTestId('column-menu-button'));
    expect(screen.getByTestId('column-toggle-year').textContent).toContain('empty in this library');
    fireEvent.click(screen.getByTestId('column-toggle-year'));
    expect(heads()).toEqual(['Title', 'Year', 'Added']);
    expect(JSON.parse(localStorage.getItem('quire.library.columns') ?? '{}')).toEqual({
      year: true,
    });

    fireEvent.click(screen.getByTestId('column-toggle-added'));
    expect(heads()).toEqual(['Title', 'Year']);
    fireEvent.click(screen.getByTestId('column-reset'));
    expect(heads()).toEqual(['Title', 'Added']);
    localStorage.clear();
  });

  it('shows the Tags column once a paper edited in place gets the first tag', async () => {
    localStorage.clear();
    const feed = PAPERS.slice(0, 5).map((p) => ({ ...p, authors: [], year: null, venue: '' }));
    const bus = new RequestBus();
    renderLibrary(
      () => ({
        total: feed.length,
        offset: 0,
        items: feed,
        filled: { authors: false, year: false, venue: false, tags: false },
      }),
      bus,
    );
    await screen.findAllByTestId('paper-row');
    expect(screen.queryByText('Tags')).toBeNull();
    act(() => bus.send('library', { kind: 'patch', paper: { ...feed[0]!, tags: ['to-read'] } }));
    await waitFor(() => expect(screen.getByText('Tags')).toBeTruthy());
    expect(screen.getByText('to-read')).toBeTruthy();
  });

  it('filters by "has highlights of kind X" through library:list, and clears it', async () => {
    // p1 has a method highlight, p2 a question: the fake answers as the annotations service does.
    const marked: Record<string, string[]> = { p1: ['method'], p2: ['question'] };
    const feed = PAPERS.slice(0, 4);
    const fake = fakeApi({
      'library:list': (input: ListInput) => {
        const k = input.annotationKind;
        const items = feed.filter(
          (p) => !k || (marked[p.id] ?? []).some((m) => k === '*' || m === k),
        );
        return { total: items.length, offset: 0, items };
      },
      'annotations:kinds:get': () => [
        { id: 'method', label: 'Method', color: '#3366cc' },
        { id: 'question', label: 'Question', color: '#aa7700' },
        { id: 'claim', label: 'Claim', color: '#cc3366' },
      ],
    });
    render(
      <ApiContext.Provider value={fake.api}>
        <LibraryView
          version={0}
          tags={[]}
          selectedId={null}
          onSelect={() => {}}
          onOpen={() => {}}
          onDelete={() => {}}
          onImport={() => {}}
          onExport={() => {}}
          pane={null}
        />
      </ApiContext.Provider>,
    );
    const count = () => screen.getByTestId('library-count').textContent;
    await waitFor(() => expect(count()).toBe('4 papers'));
    const select = screen.getByTestId('highlight-filter') as HTMLSelectElement;
    await waitFor(() => expect(select.textContent).toContain('With claim highlights'));

    fireEvent.change(select, { target: { value: 'method' } });
    await waitFor(() => expect(count()).toBe('1 paper'));
    expect(screen.getAllByTestId('paper-row').map((r) => r.textContent)).toEqual([
      expect.stringContaining('Paper 0001'),
    ]);
    expect((fake.calls.at(-1)?.input as ListInput).annotationKind).toBe('method');

    fireEvent.change(select, { target: { value: '*' } });
    await waitFor(() => expect(count()).toBe('2 papers'));

    fireEvent.change(select, { target: { value: 'claim' } });
    await waitFor(() => expect(count()).toBe('0 papers'));
    expect(screen.getByText(/No papers match/).textContent).toContain('with claim highlights');
    fireEvent.click(screen.getByText('Clear filters'));
    await waitFor(() => expect(count()).toBe('4 papers'));
    expect(select.value).toBe('');
    expect((fake.calls.at(-1)?.input as ListInput).annotationKind).toBeUndefined();
  });

  it('renders TeX in titles with KaTeX', async () => {
    const tex = [makePaper(0, { title: 'Scaling with $\\texttt{t5x}$ and $7\\pm2$ <b>items</b>' })];
    renderLibrary(() => ({ total: 1, offset: 0, items: tex }));
    const [row] = await screen.findAllByTestId('paper-row');
    const title = row!.querySelector('.col-title')!;
    expect(title.querySelectorAll('.katex').length).toBe(2);
    expect(title.querySelector('b')).toBeNull();
    expect(title.getAttribute('title')).toBe(tex[0]!.title);
  });
});
