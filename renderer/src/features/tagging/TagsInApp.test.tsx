// @vitest-environment jsdom
// The Tags view inside the app shell: reached from the sidebar and the palette's commands, a deleted
// tag comes back with Mod+Z (as a deleted paper does), and the library offers "suggested: X".
import { act, cleanup, fireEvent, render, screen, waitFor, within } from './tagging.fixtures';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { App } from '../../App';
import { fakeApi, makePaper, stubLayout } from '../../testing/fakeApi';
import { fakeTagging, suggestion } from '../../testing/fakeTagging';

function setup() {
  const model = fakeTagging({
    tags: [
      { name: 'robotics', description: 'Robots acting in the physical world.', papers: ['p1'] },
      { name: 'scaling-laws', description: 'How loss scales with compute.' },
    ],
    suggestions: [suggestion(2, 'scaling-laws', 0.9)],
  });
  const papers = [makePaper(1, { tags: ['robotics'] }), makePaper(2)];
  const fake = fakeApi({
    ...model.handlers,
    'app:info': () => ({
      location: '/tmp/lib',
      paperCount: 2,
      schemaVersion: 1,
      appVersion: '0.1.0',
      mode: 'browser',
    }),
    'library:list': (input) => ({ total: papers.length, offset: input.offset ?? 0, items: papers }),
    'library:tags': () =>
      [...model.tags]
        .filter(([, t]) => t.papers.size > 0)
        .map(([tag, t]) => ({ tag, count: t.papers.size })),
  });
  render(<App api={fake.api} />);
  return { model, fake };
}

const press = (key: string, opts: Partial<KeyboardEventInit> = {}) =>
  act(() => {
    fireEvent.keyDown(document.body, { key, ...opts });
  });

describe('Tags in the app', () => {
  beforeAll(() => stubLayout());
  afterEach(cleanup);

  it('the sidebar opens the review queue; Mod+Z brings back a deleted tag', async () => {
    const { model, fake } = setup();
    fireEvent.click(await screen.findByTestId('nav-tags'));
    await waitFor(() => expect(screen.getAllByTestId('queue-row')).toHaveLength(1));
    fireEvent.click(screen.getByTestId('tab-vocabulary'));
    const row = await screen.findByText('Robots acting in the physical world.');
    fireEvent.click(row);
    fireEvent.click(
      within(row.closest('[data-testid="vocab-row"]') as HTMLElement).getByTestId('vocab-delete'),
    );
    expect((await screen.findByTestId('toast')).textContent).toContain(
      'Deleted tag “robotics” from 1 paper',
    );
    expect(model.tags.has('robotics')).toBe(false);
    press('z', { ctrlKey: true });
    await waitFor(() => expect(model.tags.has('robotics')).toBe(true));
    expect(fake.calls.filter((c) => c.method === 'tags:undoRemove')).toHaveLength(1);
    expect((await screen.findByTestId('toast')).textContent).toContain('Restored tag “robotics”');
  });

  it('the palette runs "New tag…" into the vocabulary with the name focused', async () => {
    setup();
    await screen.findByTestId('nav-tags');
    press('k', { ctrlKey: true });
    fireEvent.change(await screen.findByTestId('palette-input'), { target: { value: 'new tag' } });
    fireEvent.click(await screen.findByText('New tag…'));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('tag-create-name')));
    expect(screen.getByTestId('tab-vocabulary').getAttribute('aria-selected')).toBe('true');
  });

  it('the library tag filter offers tags with pending suggestions as "suggested: X"', async () => {
    setup();
    const select = await screen.findByTestId('tag-filter');
    await waitFor(() =>
      expect(within(select).getByText('suggested: scaling-laws (1 pending)')).toBeTruthy(),
    );
    expect(within(select).getByText('robotics (1)')).toBeTruthy();
  });
});
