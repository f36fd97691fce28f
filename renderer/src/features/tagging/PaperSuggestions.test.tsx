// @vitest-environment jsdom
// Paper pane suggestions: pending ones with score and evidence; Accept makes the tag the paper's,
// Reject removes the suggestion without tagging.
import { cleanup, fireEvent, render, screen, waitFor, within } from './tagging.fixtures';
import { afterEach, describe, expect, it } from 'vitest';
import type { Paper } from '@shared/api/schemas';
import { ApiContext } from '../../apiContext';
import { fakeApi, makePaper } from '../../testing/fakeApi';
import { fakeTagging, suggestion } from '../../testing/fakeTagging';
import { PaperPane } from '../paper/PaperPane';

function setup() {
  const model = fakeTagging({
    tags: [{ name: 'robotics' }, { name: 'scaling-laws' }],
    suggestions: [
      suggestion(1, 'robotics', 0.62, {
        tagger: 'llm',
        model: 'openai-compatible:qwen2.5:0.5b',
        evidence: { reason: 'Describes a robot arm learning to grasp.' },
      }),
      suggestion(1, 'scaling-laws', 0.81, { evidence: { similarity: 0.81, terms: ['compute'] } }),
      suggestion(2, 'robotics', 0.9),
    ],
  });
  const paper: Paper = makePaper(1);
  let tagsChanged = 0;
  const fake = fakeApi({
    ...model.handlers,
    // The paper carries what the tagging model says it carries.
    'library:get': () => ({
      ...paper,
      tags: [...model.tags].filter(([, t]) => t.papers.has('p1')).map(([name]) => name),
    }),
  });
  render(
    <ApiContext.Provider value={fake.api}>
      <PaperPane
        id="p1"
        tagSuggestions={[]}
        onChanged={() => {}}
        onTagsChanged={() => tagsChanged++}
        onDelete={() => {}}
        onClose={() => {}}
      />
    </ApiContext.Provider>,
  );
  return { model, fake, tagsChanged: () => tagsChanged };
}

const items = () => screen.queryAllByTestId('paper-suggestion');

describe('PaperSuggestions in the paper pane', () => {
  afterEach(cleanup);

  it("shows this paper's pending suggestions, best first, with score and evidence", async () => {
    const { fake } = setup();
    await waitFor(() => expect(items()).toHaveLength(2));
    expect(items().map((i) => i.getAttribute('data-tag'))).toEqual(['scaling-laws', 'robotics']);
    expect(items()[0]?.textContent).toContain('0.81 · Zero-shot');
    expect(items()[0]?.textContent).toContain('terms: compute');
    expect(items()[1]?.textContent).toContain('Describes a robot arm learning to grasp.');
    expect(fake.calls.find((c) => c.method === 'tagging:list')?.input).toMatchObject({
      paperId: 'p1',
      decision: 'pending',
    });
  });

  it('Accept makes the tag one of the paper’s tags; Reject only removes the suggestion', async () => {
    const { model, tagsChanged } = setup();
    await waitFor(() => expect(items()).toHaveLength(2));
    const robotics = items().find((i) => i.getAttribute('data-tag') === 'robotics') as HTMLElement;
    fireEvent.click(within(robotics).getByTestId('suggestion-accept'));
    await waitFor(() =>
      expect(screen.getAllByTestId('tag-chip').map((c) => c.textContent?.replace('×', ''))).toEqual(
        ['robotics'],
      ),
    );
    expect(items().map((i) => i.getAttribute('data-tag'))).toEqual(['scaling-laws']);

    fireEvent.click(within(items()[0] as HTMLElement).getByTestId('suggestion-reject'));
    await waitFor(() => expect(screen.queryByTestId('paper-suggestions')).toBeNull());
    expect(model.suggestions.find((s) => s.id === 's1-scaling-laws')?.decision).toBe('rejected');
    expect(screen.getAllByTestId('tag-chip')).toHaveLength(1);
    expect(tagsChanged()).toBe(2);
  });

  it('shows nothing when the paper has no suggestions or tagging is unavailable', async () => {
    const fake = fakeApi({ 'library:get': () => makePaper(7) });
    render(
      <ApiContext.Provider value={fake.api}>
        <PaperPane
          id="p7"
          tagSuggestions={[]}
          onChanged={() => {}}
          onTagsChanged={() => {}}
          onDelete={() => {}}
          onClose={() => {}}
        />
      </ApiContext.Provider>,
    );
    await screen.findByTestId('paper-title');
    await waitFor(() => expect(fake.calls.some((c) => c.method === 'tagging:list')).toBe(true));
    expect(screen.queryByTestId('paper-suggestions')).toBeNull();
  });
});
