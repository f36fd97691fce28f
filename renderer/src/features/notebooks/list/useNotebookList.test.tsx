// @vitest-environment jsdom
// The notebook list and a create that overtakes it: a list asked for before the create but answered
// after it must not hide the new notebook or close it (seen in CI on a loaded machine: "+ New" left
// the view on "No notebooks yet").
import { act, renderHook, waitFor } from '@testing-library/react';
import { useState, type ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { summaryOf, type Notebook, type NotebookSummary } from '@shared/notebook/model';
import { ApiContext } from '../../../apiContext';
import { fakeApi } from '../../../testing/fakeApi';
import { useNotebookList } from './useNotebookList';

const NOW = '2026-12-02T00:00:00.000Z';

function setup() {
  const saved: NotebookSummary[] = [];
  const lists: (() => void)[] = [];
  const { api, calls } = fakeApi({
    // Each list answers what is saved when it is asked, but only once the test lets it go.
    'notebooks:list': () => {
      const now = [...saved];
      return new Promise((done) => lists.push(() => done(now)));
    },
    'notebooks:create': ({ title = 'Untitled notebook' }) => {
      const notebook: Notebook = {
        id: 'nb1',
        title,
        createdAt: NOW,
        updatedAt: NOW,
        revision: 1,
        cells: [],
      };
      saved.unshift(summaryOf(notebook));
      return { notebook, status: {} };
    },
  });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <ApiContext.Provider value={api}>{children}</ApiContext.Provider>
  );
  const { result } = renderHook(
    () => {
      const [openId, setOpenId] = useState<string | null>(null);
      return { openId, setOpenId, ...useNotebookList(() => {}, setOpenId) };
    },
    { wrapper },
  );
  return { result, lists, calls };
}

describe('useNotebookList', () => {
  it('a list answered after a create is asked again: the new notebook stays listed and open', async () => {
    const { result, lists, calls } = setup();
    await waitFor(() => expect(lists).toHaveLength(1));
    await act(async () => {
      const id = await result.current.create();
      result.current.setOpenId(id);
    });
    expect(result.current.list?.map((n) => n.id)).toEqual(['nb1']);
    // The first list, asked before the create, answers now (without the new notebook).
    await act(async () => lists.shift()!());
    await waitFor(() => expect(lists).toHaveLength(1));
    expect(result.current.list?.map((n) => n.id)).toEqual(['nb1']);
    expect(result.current.openId).toBe('nb1');
    await act(async () => lists.shift()!());
    expect(result.current.list?.map((n) => n.id)).toEqual(['nb1']);
    expect(result.current.openId).toBe('nb1');
    expect(calls.filter((c) => c.method === 'notebooks:list')).toHaveLength(2);
  });
});
