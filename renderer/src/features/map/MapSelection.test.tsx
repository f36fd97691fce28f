// @vitest-environment jsdom
// Tagging a lasso selection: one library:tagPapers call for every paper (not a get and an update per
// paper, which took >15 s for 29 papers on a loaded machine), a note with Undo, the error in words.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiContext } from '../../apiContext';
import { fakeApi, type FakeHandlers } from '../../testing/fakeApi';
import { MapSelection } from './MapSelection';
import type { TagNote } from './useTagSelection';

afterEach(cleanup);

const ids = ['p1', 'p2', 'p3', 'p4'];

function Harness(props: { onTagged(): Promise<void> }) {
  const [note, setNote] = useState<TagNote | null>(null);
  const [tag, setTag] = useState('');
  return (
    <MapSelection
      selection={ids}
      titles={new Map(ids.map((id) => [id, `Title ${id}`]))}
      note={note}
      setNote={setNote}
      tag={tag}
      setTag={setTag}
      onClear={() => {}}
      onOpen={() => {}}
      onTagged={props.onTagged}
    />
  );
}

function renderSelection(handlers: FakeHandlers) {
  let refreshed = 0;
  const fake = fakeApi({ 'notebooks:list': () => [], ...handlers });
  render(
    <ApiContext.Provider value={fake.api}>
      <Harness onTagged={async () => void refreshed++} />
    </ApiContext.Provider>,
  );
  return { fake, refreshed: () => refreshed };
}

const tagCalls = (fake: ReturnType<typeof fakeApi>) =>
  fake.calls.filter((c) => c.method.startsWith('library:') && c.method !== 'library:list');

describe('MapSelection tagging', () => {
  it('tags the whole selection in one call, says what changed, and Undo takes the tag off those papers', async () => {
    const { fake, refreshed } = renderSelection({
      // p2 already has the tag; p4 was deleted meanwhile.
      'library:tagPapers': (input) =>
        input.add ? { changed: ['p1', 'p3'], missing: 1 } : { changed: input.ids, missing: 0 },
    });
    fireEvent.change(screen.getByTestId('map-tag-input'), { target: { value: ' region ' } });
    fireEvent.keyDown(screen.getByTestId('map-tag-input'), { key: 'Enter' });
    await waitFor(() =>
      expect(screen.getByTestId('map-tag-note').textContent).toContain(
        'Tagged 2 papers “region” (1 paper already had it; 1 paper no longer in the library).',
      ),
    );
    expect(tagCalls(fake)).toEqual([
      { method: 'library:tagPapers', input: { ids, add: 'region' } },
    ]);
    expect(refreshed()).toBe(1);

    fireEvent.click(screen.getByTestId('map-tag-undo'));
    await waitFor(() =>
      expect(screen.getByTestId('map-tag-note').textContent).toBe(
        'Took “region” off 2 papers again. ',
      ),
    );
    expect(tagCalls(fake)[1]).toEqual({
      method: 'library:tagPapers',
      input: { ids: ['p1', 'p3'], remove: 'region' },
    });
    expect(screen.queryByTestId('map-tag-undo')).toBeNull();
    expect(refreshed()).toBe(2);
  });

  it('shows why tagging failed, and the button works again', async () => {
    renderSelection({
      'library:tagPapers': () => {
        throw new Error('The library is being written by another process.');
      },
    });
    fireEvent.change(screen.getByTestId('map-tag-input'), { target: { value: 'x' } });
    fireEvent.click(screen.getByTestId('map-tag-apply'));
    await waitFor(() =>
      expect(screen.getByTestId('map-tag-note').textContent).toContain(
        'The library is being written by another process.',
      ),
    );
    expect(screen.getByTestId('map-tag-note').className).toContain('map-error-note');
    expect((screen.getByTestId('map-tag-apply') as HTMLButtonElement).disabled).toBe(false);
  });
});
