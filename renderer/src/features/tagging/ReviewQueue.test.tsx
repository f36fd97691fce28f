// @vitest-environment jsdom
// Review queue: keyboard review (a, r, j/k, u, Enter), filters, bulk accept with its dry-run count
// and undo, the run job with progress and cancel, and the empty states.
import { act, cleanup, fireEvent, render, screen, waitFor, within } from './tagging.fixtures';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ApiContext } from '../../apiContext';
import { fakeApi, stubLayout } from '../../testing/fakeApi';
import { fakeTagging, suggestion } from '../../testing/fakeTagging';
import { ReviewQueue, type Undoable } from './ReviewQueue';

type Init = Parameters<typeof fakeTagging>[0];

function setup(init: Init) {
  const model = fakeTagging(init);
  const fake = fakeApi(model.handlers);
  const opened: string[] = [];
  const undoables: Undoable[] = [];
  const onChanged = vi.fn();
  const ui = (
    <ApiContext.Provider value={fake.api}>
      <ReviewQueue
        active
        vocabulary={model.vocabulary()}
        version={0}
        onChanged={onChanged}
        onOpenPaper={(id) => opened.push(id)}
        onUndoable={(u) => undoables.push(u)}
        onManageTags={() => {}}
      />
    </ApiContext.Provider>
  );
  render(ui);
  return { model, fake, opened, undoables, onChanged };
}

const TAGS = [
  { name: 'scaling-laws', description: 'How loss scales with compute, data and parameters.' },
  { name: 'robotics', description: 'Robots acting in the physical world.' },
];

const press = (key: string, opts: Partial<KeyboardEventInit> = {}) =>
  act(() => {
    fireEvent.keyDown(document.body, { key, ...opts });
  });

const rows = () => screen.queryAllByTestId('queue-row');
const selectedTitle = () =>
  rows()
    .find((r) => r.getAttribute('aria-selected') === 'true')
    ?.querySelector('.queue-title')?.textContent;

const calls = (fake: ReturnType<typeof fakeApi>, method: string) =>
  fake.calls.filter((c) => c.method === method).map((c) => c.input);

describe('ReviewQueue', () => {
  beforeAll(() => stubLayout());
  afterEach(cleanup);

  it('lists pending suggestions highest score first, with tag, tagger, score and evidence', async () => {
    setup({
      tags: TAGS,
      suggestions: [
        suggestion(1, 'robotics', 0.41),
        suggestion(2, 'scaling-laws', 0.93, {
          tagger: 'neighbours',
          evidence: { neighbours: [{ paperId: 'p9', title: 'Chinchilla', similarity: 0.88 }] },
        }),
        suggestion(3, 'scaling-laws', 0.7, {
          tagger: 'llm',
          evidence: { reason: 'Fits power laws.' },
        }),
      ],
    });
    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(rows().map((r) => r.querySelector('.queue-title')?.textContent)).toEqual([
      'Paper 0002',
      'Paper 0003',
      'Paper 0001',
    ]);
    expect(screen.getByTestId('queue-count').textContent).toBe('3 to review');
    const first = rows()[0] as HTMLElement;
    expect(first.textContent).toContain('0.93');
    expect(first.textContent).toContain('Neighbours');
    expect(first.textContent).toContain('1 labelled neighbour');
    // The detail panel shows the full evidence of the selected one.
    const detail = screen.getByTestId('queue-detail');
    expect(within(detail).getByText('Chinchilla')).toBeTruthy();
    expect(within(detail).getByText('0.88')).toBeTruthy();
  });

  it('a accepts, r rejects, j/k move, u undoes the last decision in order', async () => {
    const { model, fake } = setup({
      tags: TAGS,
      suggestions: [
        suggestion(1, 'scaling-laws', 0.9),
        suggestion(2, 'scaling-laws', 0.8),
        suggestion(3, 'robotics', 0.7),
        suggestion(4, 'robotics', 0.6),
      ],
    });
    await waitFor(() => expect(rows()).toHaveLength(4));
    expect(selectedTitle()).toBe('Paper 0001');

    press('a'); // accept Paper 1 → cursor on Paper 2
    expect(selectedTitle()).toBe('Paper 0002');
    press('j'); // → Paper 3
    press('r'); // reject Paper 3 → cursor on Paper 4
    expect(selectedTitle()).toBe('Paper 0004');
    press('k'); // → Paper 2
    expect(selectedTitle()).toBe('Paper 0002');
    await waitFor(() => expect(calls(fake, 'tagging:decide')).toHaveLength(2));
    expect(calls(fake, 'tagging:decide')).toEqual([
      { ids: ['s1-scaling-laws'], decision: 'accepted' },
      { ids: ['s3-robotics'], decision: 'rejected' },
    ]);
    expect(model.suggestions.find((s) => s.id === 's1-scaling-laws')?.decision).toBe('accepted');
    expect(model.tags.get('scaling-laws')?.papers.has('p1')).toBe(true);

    // u undoes the reject first (last in, first out); the suggestion comes back and is selected.
    press('u');
    await waitFor(() => expect(selectedTitle()).toBe('Paper 0003'));
    expect(model.suggestions.find((s) => s.id === 's3-robotics')?.decision).toBe('pending');
    press('u');
    await waitFor(() => expect(selectedTitle()).toBe('Paper 0001'));
    expect(model.suggestions.find((s) => s.id === 's1-scaling-laws')?.decision).toBe('pending');
    expect(model.tags.get('scaling-laws')?.papers.has('p1')).toBe(false);
    expect(calls(fake, 'tagging:undo')).toHaveLength(2);
    await waitFor(() => expect(rows()).toHaveLength(4));
  });

  it('a key pressed the moment the rows appear acts on them (no wait for passive effects)', async () => {
    // The rows land from a resolved promise, outside act(): React commits them, then runs passive
    // effects in a later task. A keydown sent from a MutationObserver (a microtask after the commit)
    // lands in between, as a fast reviewer's key does on a loaded machine.
    const env = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean };
    const before = env.IS_REACT_ACT_ENVIRONMENT;
    env.IS_REACT_ACT_ENVIRONMENT = false;
    let pressed = false;
    const observer = new MutationObserver(() => {
      if (pressed || rows().length !== 2) return;
      pressed = true;
      fireEvent.keyDown(document.body, { key: 'a' });
    });
    observer.observe(document.body, { childList: true, subtree: true });
    try {
      const { fake } = setup({
        tags: TAGS,
        suggestions: [suggestion(1, 'robotics', 0.9), suggestion(2, 'robotics', 0.8)],
      });
      await waitFor(() => expect(pressed).toBe(true));
      await waitFor(() => expect(calls(fake, 'tagging:decide')).toHaveLength(1));
      expect(calls(fake, 'tagging:decide')).toEqual([
        { ids: ['s1-robotics'], decision: 'accepted' },
      ]);
    } finally {
      observer.disconnect();
      env.IS_REACT_ACT_ENVIRONMENT = before;
    }
  });

  it('keys typed into a field do not decide, and Enter opens the selected paper', async () => {
    const { fake, opened } = setup({
      tags: TAGS,
      suggestions: [suggestion(1, 'robotics', 0.9), suggestion(2, 'robotics', 0.8)],
    });
    await waitFor(() => expect(rows()).toHaveLength(2));
    const select = screen.getByTestId('queue-tag');
    fireEvent.keyDown(select, { key: 'a' });
    fireEvent.keyDown(select, { key: 'r' });
    press('a', { ctrlKey: true });
    expect(calls(fake, 'tagging:decide')).toHaveLength(0);
    press('j');
    press('Enter');
    expect(opened).toEqual(['p2']);
  });

  it('filters by tag and tagger', async () => {
    const { fake } = setup({
      tags: TAGS,
      suggestions: [
        suggestion(1, 'robotics', 0.9),
        suggestion(2, 'scaling-laws', 0.8, { tagger: 'llm' }),
        suggestion(3, 'scaling-laws', 0.7),
      ],
    });
    await waitFor(() => expect(rows()).toHaveLength(3));
    fireEvent.change(screen.getByTestId('queue-tag'), { target: { value: 'scaling-laws' } });
    await waitFor(() => expect(rows()).toHaveLength(2));
    fireEvent.change(screen.getByTestId('queue-tagger'), { target: { value: 'llm' } });
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(calls(fake, 'tagging:list').at(-1)).toMatchObject({
      decision: 'pending',
      tag: 'scaling-laws',
      tagger: 'llm',
      sort: 'score',
    });
  });

  it('bulk accept shows the dry-run count first, accepts only on confirm, and can be undone', async () => {
    const { model, fake, undoables } = setup({
      tags: TAGS,
      suggestions: [
        suggestion(1, 'robotics', 0.95),
        suggestion(2, 'robotics', 0.85),
        suggestion(3, 'robotics', 0.5),
        suggestion(4, 'scaling-laws', 0.99),
      ],
    });
    await waitFor(() => expect(rows()).toHaveLength(4));
    press('j'); // a robotics suggestion: the dialog starts on its tag
    press('A', { shiftKey: true });
    const dialog = await screen.findByTestId('bulk-dialog');
    expect((within(dialog).getByTestId('bulk-tag') as HTMLSelectElement).value).toBe('robotics');
    await waitFor(() =>
      expect(within(dialog).getByTestId('bulk-count').textContent).toBe(
        '2 pending suggestions of “robotics” score 0.80 or more.',
      ),
    );
    fireEvent.change(within(dialog).getByTestId('bulk-score'), { target: { value: '0.4' } });
    await waitFor(() =>
      expect(within(dialog).getByTestId('bulk-count').textContent).toContain('3 pending'),
    );
    // Only counting so far: nothing accepted.
    expect(calls(fake, 'tagging:acceptAbove').every((i) => (i as { dryRun: boolean }).dryRun)).toBe(
      true,
    );
    expect(model.suggestions.filter((s) => s.decision === 'accepted')).toHaveLength(0);

    fireEvent.click(within(dialog).getByTestId('bulk-confirm'));
    await waitFor(() => expect(screen.queryByTestId('bulk-dialog')).toBeNull());
    expect(calls(fake, 'tagging:acceptAbove').at(-1)).toEqual({
      tag: 'robotics',
      minScore: 0.4,
      dryRun: false,
    });
    expect(model.suggestions.filter((s) => s.decision === 'accepted').map((s) => s.id)).toEqual([
      's1-robotics',
      's2-robotics',
      's3-robotics',
    ]);
    await waitFor(() => expect(rows()).toHaveLength(1));

    expect(undoables).toHaveLength(1);
    expect(undoables[0]?.text).toBe('Accepted 3 suggestions of “robotics”');
    const said = await undoables[0]?.undo();
    expect(said).toContain('3 suggestions');
    expect(model.suggestions.filter((s) => s.decision === 'accepted')).toHaveLength(0);
    await waitFor(() => expect(rows()).toHaveLength(4));
  });

  it('runs suggestions as a job with progress, and Cancel stops it', async () => {
    const toSuggest = Array.from({ length: 200 }, (_, i) => suggestion(i + 10, 'robotics', 0.5));
    const { model, fake } = setup({ tags: TAGS, toSuggest });
    await screen.findByTestId('queue-empty');
    fireEvent.change(screen.getByTestId('run-tagger'), { target: { value: 'zero-shot' } });
    fireEvent.click(screen.getByTestId('run-suggestions'));
    await waitFor(() =>
      expect(screen.getByTestId('run-progress').textContent).toMatch(/zero-shot.*\d+ \/ 200/),
    );
    fireEvent.click(screen.getByTestId('run-cancel'));
    expect((await screen.findByTestId('run-error')).textContent).toBe('Cancelled.');
    expect(calls(fake, 'tagging:suggest')).toEqual([{ tagger: 'zero-shot' }]);
    expect(model.suggestions.length).toBeLessThan(200);
    // What the cancelled run stored is there to review.
    await waitFor(() => expect(rows().length).toBe(model.suggestions.length));
  });

  it('a finished run reports what it made and fills the queue', async () => {
    const toSuggest = [suggestion(1, 'robotics', 0.9), suggestion(2, 'scaling-laws', 0.8)];
    const { onChanged } = setup({ tags: TAGS, toSuggest });
    expect((await screen.findByTestId('queue-empty')).textContent).toContain('Run suggestions');
    fireEvent.click(screen.getByTestId('run-suggestions'));
    expect((await screen.findByTestId('run-result')).textContent).toContain(
      '2 new suggestions · 2 waiting for review',
    );
    await waitFor(() => expect(rows()).toHaveLength(2));
    expect(onChanged).toHaveBeenCalled();
  });

  it('with no vocabulary, says to add described tags first and cannot run', async () => {
    setup({ tags: [] });
    const empty = await screen.findByTestId('queue-empty');
    expect(empty.textContent).toContain(
      'Add tags with a one-sentence description, then run suggestions.',
    );
    expect((screen.getByTestId('run-suggestions') as HTMLButtonElement).disabled).toBe(true);
  });

  it('puts a suggestion back and says why when the service refuses a decision', async () => {
    const { model } = setup({ tags: TAGS, suggestions: [suggestion(1, 'robotics', 0.9)] });
    await waitFor(() => expect(rows()).toHaveLength(1));
    model.handlers['tagging:decide'] = () => {
      throw new Error('The library is read-only.');
    };
    press('a');
    expect((await screen.findByTestId('queue-error')).textContent).toContain(
      'Could not accept “robotics”: The library is read-only.',
    );
    expect(rows()).toHaveLength(1);
  });
});
