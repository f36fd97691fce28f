// @vitest-environment jsdom
// useRequests: a request sent together with showing a hidden view runs after the view is shown (so
// focus lands), and one sent before the view mounts runs once it has.
import { act, cleanup, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { RequestBus } from './requests';
import { NavigationContext, useNavigation, useRequests } from './useRequests';

function SearchBox() {
  const [focused, setFocused] = useState(0);
  useRequests('search', () => {
    const input = screen.getByTestId('box') as HTMLInputElement;
    input.focus();
    setFocused((n) => n + 1);
  });
  return (
    <>
      <input data-testid="box" />
      <span data-testid="count">{focused}</span>
    </>
  );
}

/** A shell with a hidden Search view (mounted or not) and a button that shows it and asks for focus. */
function Shell({ mounted }: { mounted: boolean }) {
  const bus = useNavigation();
  const [shown, setShown] = useState(false);
  return (
    <>
      <button
        data-testid="go"
        onClick={() => {
          setShown(true);
          bus.send('search', { kind: 'focus' });
        }}
      />
      {(mounted || shown) && <div hidden={!shown}>{<SearchBox />}</div>}
    </>
  );
}

function renderShell(mounted: boolean) {
  const bus = new RequestBus();
  render(
    <NavigationContext.Provider value={bus}>
      <Shell mounted={mounted} />
    </NavigationContext.Provider>,
  );
  return bus;
}

describe('useRequests', () => {
  afterEach(cleanup);

  it('runs a request for a hidden view after the switch has shown it', () => {
    renderShell(true);
    act(() => screen.getByTestId('go').click());
    const box = screen.getByTestId('box');
    expect(box.closest('div')?.hidden).toBe(false);
    expect(document.activeElement).toBe(box);
    expect(screen.getByTestId('count').textContent).toBe('1');
  });

  it('runs a request sent before the view mounted, once, when it mounts', () => {
    renderShell(false);
    expect(screen.queryByTestId('box')).toBeNull();
    act(() => screen.getByTestId('go').click());
    expect(document.activeElement).toBe(screen.getByTestId('box'));
    expect(screen.getByTestId('count').textContent).toBe('1');
  });

  it('runs each request once, in the order sent', () => {
    const bus = renderShell(true);
    act(() => {
      bus.send('search', { kind: 'focus' });
      bus.send('search', { kind: 'focus' });
    });
    expect(screen.getByTestId('count').textContent).toBe('2');
  });
});
