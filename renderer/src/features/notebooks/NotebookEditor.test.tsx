// @vitest-environment jsdom
// The notebook editor over a fake transport: adding cells, undo/redo, rendered math, and autosave
// sending notebooks:save with the revision it started from.
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Progress } from '@shared/api/contract';
import { QuireError } from '@shared/api/errors';
import type { CellTypeInfo } from '@shared/api/notebook-contract';
import type { Notebook } from '@shared/notebook/model';
import { ApiContext } from '../../apiContext';
import { fakeApi, stubLayout, type FakeHandlers } from '../../testing/fakeApi';
import { AUTOSAVE_MS, NotebookEditor } from './NotebookEditor';

const TYPES: CellTypeInfo[] = [
  {
    type: 'markdown',
    label: 'Text',
    content: 'source',
    computable: false,
    defaults: { source: '' },
  },
  {
    type: 'javascript',
    label: 'JavaScript',
    content: 'source',
    computable: true,
    defaults: { source: 'return 1 + 1;\n' },
  },
];

function notebook(over: Partial<Notebook> = {}): Notebook {
  return {
    id: 'nb1',
    title: 'Scaling',
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
    revision: 7,
    cells: [],
    ...over,
  };
}

/** Renders the editor over a fake transport answering with `handlers`. */
function renderEditor(handlers: FakeHandlers) {
  const fake = fakeApi(handlers);
  render(
    <ApiContext.Provider value={fake.api}>
      <NotebookEditor id="nb1" cellTypes={TYPES} openPaper={() => {}} onSaved={() => {}} />
    </ApiContext.Provider>,
  );
  return fake;
}

/** The editor over a fake store that saves like the real one: revision checked, then bumped. */
function setup(initial: Notebook) {
  let stored = initial;
  const fake = renderEditor({
    'notebooks:get': () => ({ notebook: stored, status: {} }),
    'notebooks:save': ({ notebook: nb, baseRevision }) => {
      if (baseRevision !== stored.revision) throw new Error('conflict');
      stored = { ...(nb as Notebook), revision: stored.revision + 1 };
      return { notebook: stored, status: {} };
    },
  });
  return { fake, saves: () => fake.calls.filter((c) => c.method === 'notebooks:save') };
}

const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

describe('NotebookEditor', () => {
  beforeEach(() => stubLayout());
  afterEach(cleanup);

  it('shows an export under way as cells exported with Cancel; Cancel stops it and saves nothing', async () => {
    let signal: AbortSignal | null = null;
    let report: ((p: Progress) => void) | undefined;
    renderEditor({
      'notebooks:get': () => ({ notebook: notebook(), status: {} }),
      'notebooks:export': (_input, opts) =>
        new Promise((_resolve, reject) => {
          signal = opts.signal ?? null;
          report = opts.onProgress;
          signal?.addEventListener('abort', () =>
            reject(new QuireError('cancelled', 'Cancelled.')),
          );
        }),
    });
    fireEvent.change(await screen.findByLabelText('Export notebook'), {
      target: { value: 'html' },
    });
    const progress = await screen.findByTestId('notebook-export-progress');
    expect(screen.queryByLabelText('Export notebook')).toBeNull();
    act(() => report?.({ phase: 'cells', done: 3, total: 4 }));
    expect(progress.textContent).toContain('cells exported');
    expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('75');

    fireEvent.click(screen.getByTestId('notebook-export-progress-cancel'));
    expect(signal!.aborted).toBe(true);
    expect((await screen.findByTestId('run-notice')).textContent).toContain('Export cancelled');
    expect(screen.queryByTestId('notebook-export-progress')).toBeNull();
    expect(screen.getByLabelText('Export notebook')).toBeTruthy();
  });

  it('adds cells of each type from the end bar', async () => {
    setup(notebook());
    fireEvent.click(await screen.findByTestId('cell-add-markdown'));
    fireEvent.click(screen.getByTestId('cell-add-javascript'));
    const cells = screen.getAllByTestId('cell');
    expect(cells.map((c) => c.getAttribute('data-cell-type'))).toEqual(['markdown', 'javascript']);
    expect(screen.getAllByTestId('cell-editor')[1]).toHaveProperty('value', 'return 1 + 1;\n');
    expect(screen.getByTestId('cell-status').textContent).toBe('not run');
  });

  it('undoes and redoes adds, edits and deletes (buttons and keys)', async () => {
    setup(notebook());
    fireEvent.click(await screen.findByTestId('cell-add-javascript'));
    const editor = screen.getByTestId('cell-editor');
    fireEvent.change(editor, { target: { value: 'return 42;' } });
    fireEvent.click(screen.getByTestId('cell-delete'));
    expect(screen.queryAllByTestId('cell')).toHaveLength(0);

    fireEvent.click(screen.getByTestId('undo'));
    expect(screen.getByTestId('cell-editor')).toHaveProperty('value', 'return 42;');
    fireEvent.keyDown(screen.getByTestId('cell-editor'), { key: 'z', ctrlKey: true });
    expect(screen.getByTestId('cell-editor')).toHaveProperty('value', 'return 1 + 1;\n');
    fireEvent.keyDown(screen.getByTestId('cell-editor'), { key: 'z', ctrlKey: true });
    expect(screen.queryAllByTestId('cell')).toHaveLength(0);

    fireEvent.click(screen.getByTestId('redo'));
    fireEvent.keyDown(screen.getByTestId('cell-editor'), {
      key: 'z',
      ctrlKey: true,
      shiftKey: true,
    });
    expect(screen.getByTestId('cell-editor')).toHaveProperty('value', 'return 42;');
  });

  it('renders markdown math with KaTeX and paper references as links', async () => {
    setup(
      notebook({
        cells: [
          {
            id: 'c1',
            type: 'markdown',
            source: 'We fit $E = mc^2$ as in @[Tidal](paper:p1).\n\n$$\\sum_i x_i$$\n',
            outputs: [],
            inputsHash: null,
            ranAt: null,
          },
        ],
      }),
    );
    const preview = await screen.findByTestId('markdown-preview');
    expect(preview.querySelectorAll('.katex').length).toBe(2);
    expect(preview.querySelector('.katex-display')).not.toBeNull();
    expect(screen.getByTestId('paper-ref-link').textContent).toBe('Tidal');
    // A click on the text (not the link) opens the editor with the source.
    fireEvent.click(preview);
    expect(screen.getByTestId('cell-editor')).toHaveProperty(
      'value',
      expect.stringContaining('$E = mc^2$'),
    );
  });

  it('autosaves after a pause with the revision it started from, then the new one', async () => {
    const { saves } = setup(notebook({ revision: 7 }));
    fireEvent.click(await screen.findByTestId('cell-add-markdown'));
    fireEvent.change(screen.getByTestId('cell-editor'), { target: { value: 'Hello' } });
    expect(screen.getByTestId('save-status').textContent).toBe('Saving…');
    expect(saves()).toHaveLength(0);
    await act(() => sleep(AUTOSAVE_MS + 100));
    await waitFor(() => expect(saves()).toHaveLength(1));
    const first = saves()[0]?.input as { baseRevision: number; notebook: Notebook };
    expect(first.baseRevision).toBe(7);
    expect(first.notebook.cells[0]?.source).toBe('Hello');
    await waitFor(() => expect(screen.getByTestId('save-status').textContent).toBe('Saved'));

    fireEvent.change(screen.getByTestId('cell-editor'), { target: { value: 'Hello again' } });
    await act(() => sleep(AUTOSAVE_MS + 100));
    await waitFor(() => expect(saves()).toHaveLength(2));
    expect((saves()[1]?.input as { baseRevision: number }).baseRevision).toBe(8);
  });

  it('shows a conflict banner when the file moved on', async () => {
    renderEditor({
      'notebooks:get': () => ({ notebook: notebook(), status: {} }),
      'notebooks:save': () => {
        throw new QuireError('invalid_input', 'changed elsewhere', {
          reason: 'conflict',
          revision: 9,
        });
      },
    });
    fireEvent.click(await screen.findByTestId('cell-add-markdown'));
    await act(() => sleep(AUTOSAVE_MS + 100));
    expect(await screen.findByTestId('save-conflict')).toBeTruthy();
    expect(screen.getByTestId('save-status').textContent).toMatch(/conflict/);
  });
});
