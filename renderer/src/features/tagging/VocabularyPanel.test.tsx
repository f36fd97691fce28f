// @vitest-environment jsdom
// Vocabulary: create with description and colour, edit (rename + describe), merge with confirmation,
// delete with undo, and the keyboard (j/k, e, m, Delete, n).
import { act, cleanup, fireEvent, render, screen, waitFor, within } from './tagging.fixtures';
import { useState } from 'react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ApiContext, useApi } from '../../apiContext';
import { fakeApi, stubLayout } from '../../testing/fakeApi';
import { fakeTagging } from '../../testing/fakeTagging';
import type { Undoable } from './ReviewQueue';
import { VocabularyPanel } from './VocabularyPanel';
import { useVocabulary } from './useVocabulary';

function Harness({ onUndoable }: { onUndoable(u: Undoable): void }) {
  const [version, setVersion] = useState(0);
  const vocab = useVocabulary(useApi(), true, version);
  return (
    <VocabularyPanel
      active
      vocabulary={vocab}
      onChanged={() => setVersion((v) => v + 1)}
      onUndoable={onUndoable}
    />
  );
}

function setup(tags: Parameters<typeof fakeTagging>[0]['tags']) {
  const model = fakeTagging({ tags });
  const fake = fakeApi(model.handlers);
  const undoables: Undoable[] = [];
  render(
    <ApiContext.Provider value={fake.api}>
      <Harness onUndoable={(u) => undoables.push(u)} />
    </ApiContext.Provider>,
  );
  return { model, fake, undoables };
}

const rowNames = () => screen.queryAllByTestId('vocab-row').map((r) => r.getAttribute('data-tag'));
const press = (key: string) =>
  act(() => {
    fireEvent.keyDown(document.body, { key });
  });

describe('VocabularyPanel', () => {
  beforeAll(() => stubLayout());
  afterEach(cleanup);

  it('creates a tag with its description and colour, and lists counts', async () => {
    const { fake } = setup([{ name: 'robotics', description: 'Robots.', papers: ['p1', 'p2'] }]);
    await waitFor(() => expect(rowNames()).toEqual(['robotics']));
    const row = screen.getByTestId('vocab-row');
    expect(within(row).getByTestId('vocab-papers').textContent).toBe('2');
    expect(within(row).getByTestId('vocab-pending').textContent).toBe('0');

    fireEvent.change(screen.getByTestId('tag-create-name'), {
      target: { value: ' scaling-laws ' },
    });
    fireEvent.change(screen.getByTestId('tag-create-description'), {
      target: { value: 'How loss scales with compute, data and parameters.' },
    });
    fireEvent.change(screen.getByTestId('tag-create-color'), { target: { value: '#0e9f6e' } });
    fireEvent.click(screen.getByTestId('tag-create-submit'));
    await waitFor(() => expect(rowNames()).toEqual(['robotics', 'scaling-laws']));
    expect(fake.calls.find((c) => c.method === 'tags:add')?.input).toEqual({
      name: 'scaling-laws',
      description: 'How loss scales with compute, data and parameters.',
      color: '#0e9f6e',
    });
    // The form is empty again for the next tag.
    expect((screen.getByTestId('tag-create-name') as HTMLInputElement).value).toBe('');
  });

  it('refuses a name with a comma before asking the service', async () => {
    const { fake } = setup([]);
    await screen.findByTestId('vocab-empty');
    fireEvent.change(screen.getByTestId('tag-create-name'), { target: { value: 'a,b' } });
    fireEvent.click(screen.getByTestId('tag-create-submit'));
    expect((await screen.findByRole('alert')).textContent).toContain(
      'a tag cannot contain commas, tabs or line breaks',
    );
    expect(fake.calls.some((c) => c.method === 'tags:add')).toBe(false);
  });

  it('e edits: a new name renames, a new description is stored', async () => {
    const { fake, model } = setup([
      { name: 'llm', description: '' },
      { name: 'robotics', description: 'Robots.' },
    ]);
    await waitFor(() => expect(rowNames()).toEqual(['llm', 'robotics']));
    press('j');
    press('e');
    const form = await screen.findByTestId('tag-edit');
    fireEvent.change(within(form).getByTestId('tag-edit-name'), { target: { value: 'robots' } });
    fireEvent.change(within(form).getByTestId('tag-edit-description'), {
      target: { value: 'Robots acting in the physical world.' },
    });
    fireEvent.click(within(form).getByTestId('tag-edit-submit'));
    await waitFor(() => expect(rowNames()).toEqual(['llm', 'robots']));
    const methods = fake.calls.map((c) => c.method).filter((m) => m !== 'tags:list');
    expect(methods).toEqual(['tags:rename', 'tags:add']);
    expect(model.tags.get('robots')?.description).toBe('Robots acting in the physical world.');
  });

  it('m merges after a confirmation that says what happens to the papers', async () => {
    const { fake, model } = setup([
      { name: 'llm', papers: ['p1'] },
      { name: 'language-models', papers: ['p2', 'p3'] },
    ]);
    await waitFor(() => expect(rowNames()).toEqual(['language-models', 'llm']));
    press('j');
    press('m');
    const dialog = await screen.findByTestId('merge-dialog');
    expect(within(dialog).getByTestId('merge-summary').textContent).toContain(
      'The 1 paper tagged “llm” will be tagged “language-models” instead',
    );
    expect(fake.calls.some((c) => c.method === 'tags:merge')).toBe(false);
    fireEvent.click(within(dialog).getByTestId('merge-confirm'));
    await waitFor(() => expect(rowNames()).toEqual(['language-models']));
    expect(fake.calls.find((c) => c.method === 'tags:merge')?.input).toEqual({
      from: 'llm',
      into: 'language-models',
    });
    expect([...(model.tags.get('language-models')?.papers ?? [])].sort()).toEqual([
      'p1',
      'p2',
      'p3',
    ]);
  });

  it('Delete removes the tag and offers an undo that brings it back', async () => {
    const { undoables, model, fake } = setup([
      { name: 'llm', papers: ['p1', 'p2'] },
      { name: 'robotics' },
    ]);
    await waitFor(() => expect(rowNames()).toEqual(['llm', 'robotics']));
    // Not from nowhere: a stray Delete or Backspace outside the list removes nothing.
    press('Backspace');
    press('Delete');
    expect(fake.calls.some((c) => c.method === 'tags:remove')).toBe(false);
    const list = screen.getByTestId('vocab-list');
    list.focus();
    act(() => {
      fireEvent.keyDown(list, { key: 'Delete' });
    });
    await waitFor(() => expect(rowNames()).toEqual(['robotics']));
    expect(undoables).toHaveLength(1);
    expect(undoables[0]?.text).toBe('Deleted tag “llm” from 2 papers');
    await act(async () => {
      expect(await undoables[0]?.undo()).toBe('Restored tag “llm”');
    });
    await waitFor(() => expect(rowNames()).toEqual(['llm', 'robotics']));
    expect(model.tags.get('llm')?.papers.size).toBe(2);
  });

  it('n puts the cursor in the new tag’s name', async () => {
    setup([{ name: 'robotics' }]);
    await waitFor(() => expect(rowNames()).toEqual(['robotics']));
    press('n');
    expect(document.activeElement).toBe(screen.getByTestId('tag-create-name'));
  });
});
