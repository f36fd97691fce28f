// The editor's document reducer (docState.ts): adopting a server answer keeps outputs the view
// produced after the answered save was sent.
import { describe, expect, it } from 'vitest';
import type { Cell, Notebook } from '@shared/notebook/model';
import { docReducer, initDoc } from './docState';

const cell = (patch: Partial<Cell> = {}): Cell => ({
  id: 'c1',
  type: 'graph',
  data: {},
  outputs: [],
  inputsHash: null,
  ranAt: null,
  ...patch,
});
const nb = (cells: Cell[], revision = 1): Notebook => ({
  id: 'n1',
  title: 't',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  revision,
  cells,
});
const text = { kind: 'text' as const, text: 'result' };

describe('docReducer adopt', () => {
  it('keeps outputs a cell got after the answered save was sent', () => {
    let s = initDoc({ notebook: nb([cell()]), status: {} });
    // The view runs its graph cell and stores the result while a save (without it) is in flight.
    s = docReducer(s, {
      type: 'edit',
      cells: [cell({ outputs: [text], ranAt: '2026-11-30T11:25:15.000Z' })],
      at: 1,
    });
    s = docReducer(s, { type: 'adopt', server: { notebook: nb([cell()], 2), status: {} } });
    expect(s.nb.cells[0]!.outputs).toEqual([text]);
    expect(s.nb.cells[0]!.ranAt).toBe('2026-11-30T11:25:15.000Z');
    expect(s.nb.revision).toBe(2);
  });

  it("takes the server's outputs when the server ran the cell later", () => {
    let s = initDoc({
      notebook: nb([cell({ outputs: [text], ranAt: '2026-11-30T11:00:00.000Z' })]),
      status: {},
    });
    const fresh = { kind: 'text' as const, text: 'new' };
    s = docReducer(s, {
      type: 'adopt',
      server: {
        notebook: nb([cell({ outputs: [fresh], ranAt: '2026-11-30T11:05:00.000Z' })], 2),
        status: {},
      },
    });
    expect(s.nb.cells[0]!.outputs).toEqual([fresh]);
  });
});
