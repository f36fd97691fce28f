// Tests for the main window's preferences and the link opener. The electron package throws without its
// binary (none on the build machines), so its few entry points are replaced by recorders here.
import { beforeEach, describe, expect, it, vi } from 'vitest';

const created: { options: Record<string, unknown>; loaded: string[] }[] = [];
const dialogs: { message: string; detail: string }[] = [];
const opened: string[] = [];
let answer = 1;

vi.mock('electron', () => {
  class BrowserWindow {
    webContents = { once: () => undefined };
    private readonly record: { options: Record<string, unknown>; loaded: string[] };
    constructor(options: Record<string, unknown>) {
      this.record = { options, loaded: [] };
      created.push(this.record);
    }
    on() {}
    once() {}
    isDestroyed() {
      return false;
    }
    loadURL(url: string) {
      this.record.loaded.push(url);
      return Promise.resolve();
    }
  }
  return {
    BrowserWindow,
    nativeTheme: { shouldUseDarkColors: false, on: () => undefined, off: () => undefined },
    dialog: {
      showMessageBox: (...args: unknown[]) => {
        dialogs.push(args.at(-1) as { message: string; detail: string });
        return Promise.resolve({ response: answer });
      },
    },
    shell: {
      openExternal: (url: string) => {
        opened.push(url);
        return Promise.resolve();
      },
    },
  };
});
const { createMainWindow, openExternalLink } = await import('./window');

beforeEach(() => {
  created.length = 0;
  dialogs.length = 0;
  opened.length = 0;
  answer = 1;
});

describe('main window', () => {
  it('is sandboxed, isolated, without auxclick, and loads app://quire', () => {
    createMainWindow({ preloadPath: '/app/out/preload/preload.cjs', devTools: false });
    const [win] = created;
    expect(win?.loaded).toEqual(['app://quire/index.html']);
    expect(win?.options.webPreferences).toMatchObject({
      preload: '/app/out/preload/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
      devTools: false,
      // Nothing leaves the machine: Chromium's spellchecker would download dictionaries off macOS.
      spellcheck: process.platform === 'darwin',
    });
  });

  it('has DevTools and the dev server only when asked (development)', () => {
    createMainWindow({
      preloadPath: '/p.cjs',
      devServerUrl: 'http://localhost:5173/',
      devTools: true,
    });
    expect(created[0]?.loaded).toEqual(['http://localhost:5173/']);
    expect(created[0]?.options.webPreferences).toMatchObject({ devTools: true });
  });
});

describe('openExternalLink', () => {
  it('opens trusted links without a dialog', async () => {
    await openExternalLink('https://doi.org/10.1/x', null);
    expect(dialogs).toEqual([]);
    expect(opened).toEqual(['https://doi.org/10.1/x']);
  });

  it('asks first, naming the URL, and opens only on the first button', async () => {
    await openExternalLink('https://example.org/paper.pdf', null);
    expect(dialogs[0]?.detail).toBe('https://example.org/paper.pdf');
    expect(dialogs[0]?.message).toContain('example.org');
    expect(opened).toEqual([]);

    answer = 0;
    await openExternalLink('https://example.org/paper.pdf', null);
    expect(opened).toEqual(['https://example.org/paper.pdf']);
  });

  it('never hands other schemes to the OS, and asks no question about them', async () => {
    answer = 0;
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await openExternalLink('file:///etc/passwd', null);
    await openExternalLink('smb://attacker.example/x', null);
    expect(dialogs).toEqual([]);
    expect(opened).toEqual([]);
    expect(warn).toHaveBeenCalledTimes(2);
    warn.mockRestore();
  });
});
