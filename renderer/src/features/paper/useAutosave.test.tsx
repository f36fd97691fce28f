// @vitest-environment jsdom
// Autosave flushes what is pending when the page is hidden or unloaded (reload, close), at once and
// without waiting for a save in flight, and on unmount.
import { act, cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useAutosave, type SaveOptions } from './useAutosave';

type Saved = { value: string; opts: SaveOptions };

function Harness({ saves, hold }: { saves: Saved[]; hold?: Promise<void> }) {
  const { change } = useAutosave(async (value, opts) => {
    saves.push({ value, opts });
    await hold;
  }, 10_000);
  return <input data-testid="in" onChange={(e) => change(e.target.value)} />;
}

function type(value: string) {
  const el = document.querySelector<HTMLInputElement>('[data-testid="in"]')!;
  act(() => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(el, value);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

describe('useAutosave', () => {
  afterEach(cleanup);

  it('sends the pending value synchronously on pagehide', () => {
    const saves: Saved[] = [];
    render(<Harness saves={saves} />);
    type('typed just before reload');
    expect(saves).toEqual([]);
    window.dispatchEvent(new Event('pagehide'));
    expect(saves).toEqual([{ value: 'typed just before reload', opts: { unloading: true } }]);
    // Nothing pending any more: a second event sends nothing.
    window.dispatchEvent(new Event('pagehide'));
    expect(saves).toHaveLength(1);
  });

  it('sends on visibilitychange to hidden, even while an earlier save is in flight', async () => {
    const saves: Saved[] = [];
    let release: () => void = () => {};
    const hold = new Promise<void>((ok) => (release = ok));
    render(<Harness saves={saves} hold={hold} />);
    type('first');
    window.dispatchEvent(new Event('pagehide'));
    type('second');
    Object.defineProperty(document, 'visibilityState', { configurable: true, value: 'hidden' });
    document.dispatchEvent(new Event('visibilitychange'));
    Object.defineProperty(document, 'visibilityState', { configurable: true, value: 'visible' });
    expect(saves.map((s) => s.value)).toEqual(['first', 'second']);
    release();
    await act(async () => hold);
  });

  it('saves on unmount', async () => {
    const saves: Saved[] = [];
    const { unmount } = render(<Harness saves={saves} />);
    type('left the paper');
    unmount();
    await Promise.resolve();
    await Promise.resolve();
    expect(saves.map((s) => s.value)).toEqual(['left the paper']);
  });
});
