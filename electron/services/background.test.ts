// Background slices give way to searches under way, but not when a caller waits for the work itself,
// and never for longer than the cap.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { asSearch, nextSlice, resumeSlices } from './background';

const turn = () => new Promise((go) => setImmediate(go));

function track(p: Promise<void>) {
  const state = { done: false };
  void p.then(() => (state.done = true));
  return state;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('nextSlice', () => {
  it('is one turn of the event loop when no search is under way', async () => {
    const slice = track(nextSlice());
    await turn();
    await turn();
    expect(slice.done).toBe(true);
  });

  it('waits while a search runs and goes on when it ends', async () => {
    // The cap's timer never fires here: only the search's end lets the slice go.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    let finish = () => {};
    const search = asSearch(() => new Promise<string>((go) => (finish = () => go('hits'))));
    const slice = track(nextSlice());
    for (let i = 0; i < 5; i++) await turn();
    expect(slice.done).toBe(false);
    finish();
    expect(await search).toBe('hits');
    await turn();
    expect(slice.done).toBe(true);
  });

  it('does not wait when a caller waits for the work, nor past the cap', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    let finish = () => {};
    const search = asSearch(() => new Promise<void>((go) => (finish = go)));
    const awaited = track(nextSlice(true));
    const capped = track(nextSlice());
    await turn();
    await turn();
    expect(awaited.done).toBe(true);
    expect(capped.done).toBe(false);
    vi.advanceTimersByTime(100);
    await turn();
    expect(capped.done).toBe(true);
    finish();
    await search;
  });

  it('goes on at once when a caller begins to wait for the work during its pause', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    let finish = () => {};
    const search = asSearch(() => new Promise<void>((go) => (finish = go)));
    const slice = track(nextSlice());
    await turn();
    expect(slice.done).toBe(false);
    resumeSlices();
    await turn();
    expect(slice.done).toBe(true);
    finish();
    await search;
  });

  it('a failed search still lets the slices go on', async () => {
    const search = asSearch(() => Promise.reject(new Error('gone')));
    const slice = track(nextSlice());
    await expect(search).rejects.toThrow('gone');
    await turn();
    expect(slice.done).toBe(true);
  });
});
