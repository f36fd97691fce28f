// The request bus: a request reaches its target's one listener, waits for a view not mounted yet,
// and stops reaching a listener that unsubscribed.
import { describe, expect, it } from 'vitest';
import { RequestBus, type Requests } from './requests';

describe('RequestBus', () => {
  it('delivers a request to the listener of its target only', () => {
    const bus = new RequestBus();
    const library: Requests['library'][] = [];
    const search: Requests['search'][] = [];
    bus.listen('library', (r) => library.push(r));
    bus.listen('search', (r) => search.push(r));
    bus.send('library', { kind: 'focusFilter' });
    expect(library).toEqual([{ kind: 'focusFilter' }]);
    expect(search).toEqual([]);
  });

  it('keeps requests for a view that is not listening yet, in order, and delivers them once', () => {
    const bus = new RequestBus();
    bus.send('library', { kind: 'focusFilter' });
    bus.send('library', { kind: 'preset', preset: { cluster: 'c3' } });
    const heard: Requests['library'][] = [];
    const off = bus.listen('library', (r) => heard.push(r));
    expect(heard).toEqual([{ kind: 'focusFilter' }, { kind: 'preset', preset: { cluster: 'c3' } }]);
    off();
    bus.listen('library', (r) => heard.push(r));
    expect(heard).toHaveLength(2);
  });

  it('a listener that unsubscribed hears nothing more; the next request waits again', () => {
    const bus = new RequestBus();
    const first: unknown[] = [];
    const off = bus.listen('search', (r) => first.push(r));
    off();
    bus.send('search', { kind: 'focus' });
    expect(first).toEqual([]);
    const second: unknown[] = [];
    bus.listen('search', (r) => second.push(r));
    expect(second).toEqual([{ kind: 'focus' }]);
  });

  it("an old listener's unsubscribe does not remove its replacement", () => {
    const bus = new RequestBus();
    const offOld = bus.listen('paper', () => {});
    const heard: unknown[] = [];
    bus.listen('paper', (r) => heard.push(r));
    offOld();
    bus.send('paper', { kind: 'focusNotes' });
    expect(heard).toEqual([{ kind: 'focusNotes' }]);
  });
});
