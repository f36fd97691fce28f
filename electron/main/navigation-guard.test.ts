// Tests for the navigation guard over an in-memory WebContents: what is refused, what reaches the link gate.
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { createAppUrlPolicy } from './app-url';
import {
  hardenWebContents,
  type GuardedContents,
  type NavigationEventLike,
} from './navigation-guard';

/** A WebContents stand-in: records the window-open handler and emits navigation events. */
function fakeContents() {
  const emitter = new EventEmitter();
  let openHandler: ((d: { url: string }) => { action: 'deny' }) | null = null;
  const contents: GuardedContents = {
    setWindowOpenHandler: (h) => void (openHandler = h),
    on: (event: string, listener: (e: NavigationEventLike) => void) => emitter.on(event, listener),
  };
  const navigate = (name: string, url: string, isMainFrame = true) => {
    let prevented = false;
    const event: NavigationEventLike = {
      url,
      isMainFrame,
      preventDefault: () => void (prevented = true),
    };
    emitter.emit(name, event);
    return prevented;
  };
  return {
    contents,
    navigate,
    windowOpen: (url: string) => openHandler?.({ url }),
    attachWebview: () => {
      let prevented = false;
      emitter.emit('will-attach-webview', { preventDefault: () => void (prevented = true) });
      return prevented;
    },
  };
}

function setup(devServerUrl?: string) {
  const fake = fakeContents();
  const opened: string[] = [];
  hardenWebContents(fake.contents, createAppUrlPolicy({ devServerUrl }), (url) => opened.push(url));
  return { ...fake, opened };
}

describe('navigation guard', () => {
  it('lets app://quire pages navigate and refuses everything else', () => {
    const { navigate } = setup();
    for (const name of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      expect(navigate(name, 'app://quire/index.html#/notebooks'), name).toBe(false);
      for (const url of [
        'https://evil.example/',
        'file:///etc/passwd',
        'file:///opt/Quire/resources/app.asar/out/renderer/index.html',
        'app://evil/index.html',
        'data:text/html,hi',
        'javascript:alert(1)',
      ]) {
        expect(navigate(name, url), `${name} ${url}`).toBe(true);
      }
    }
  });

  it('hands a refused main-frame navigation to the link gate once, and iframe ones never', () => {
    const { navigate, opened } = setup();
    // One click emits both events for the main frame; only one of them may ask the user.
    navigate('will-frame-navigate', 'https://doi.org/10.1/x');
    navigate('will-navigate', 'https://doi.org/10.1/x');
    navigate('will-frame-navigate', 'https://ads.example/', false);
    expect(opened).toEqual(['https://doi.org/10.1/x']);
  });

  it('denies every new window (window.open, target=_blank, middle-click) and passes the URL on', () => {
    const { windowOpen, opened } = setup();
    expect(windowOpen('https://arxiv.org/abs/1')).toEqual({ action: 'deny' });
    expect(windowOpen('app://quire/index.html')).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://arxiv.org/abs/1', 'app://quire/index.html']);
  });

  it('refuses webviews', () => {
    expect(setup().attachWebview()).toBe(true);
  });

  it('allows the dev server only when one is given', () => {
    expect(
      setup('http://localhost:5173/').navigate('will-navigate', 'http://localhost:5173/x'),
    ).toBe(false);
    expect(setup().navigate('will-navigate', 'http://localhost:5173/x')).toBe(true);
  });
});
