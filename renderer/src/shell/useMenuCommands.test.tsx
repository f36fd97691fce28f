// @vitest-environment jsdom
// The desktop menu inside the app shell: each command main sends (File ▸ Import…, File ▸ Export ▸ …,
// Edit ▸ Find…, Help ▸ …) does what its menu item says; ids the renderer does not know are ignored.
import { act, cleanup, configure, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { MenuCommand } from '@shared/menu-commands';
import { App } from '../App';
import { fakeApi, makePaper, stubLayout } from '../testing/fakeApi';
import type { OnMenuCommand } from './useMenuCommands';

// Two shared cores under load: give async UI updates room (the default is 1 s).
configure({ asyncUtilTimeout: 10_000 });

/** The main-process end of the menu channel, in memory: what the preload bridge hands the renderer. */
function menuChannel() {
  const listeners = new Set<(command: MenuCommand) => void>();
  const onCommand: OnMenuCommand = (listener) => {
    listeners.add(listener);
    return () => void listeners.delete(listener);
  };
  const send = (command: string) =>
    act(() => {
      for (const l of listeners) l(command as MenuCommand);
    });
  return { onCommand, send, listening: () => listeners.size };
}

function setup() {
  const papers = [makePaper(1), makePaper(2)];
  const fake = fakeApi({
    'app:info': () => ({
      location: '/tmp/lib',
      paperCount: 2,
      schemaVersion: 1,
      appVersion: '0.1.0',
      mode: 'electron',
    }),
    'library:list': (input) => ({ total: papers.length, offset: input.offset ?? 0, items: papers }),
    'library:tags': () => [],
    'export:library': (input) => ({
      format: input.format,
      content: '@article{p1}',
      filename: `library.${input.format}`,
      mime: 'text/plain',
      count: 2,
    }),
  });
  const menu = menuChannel();
  render(<App api={fake.api} onMenuCommand={menu.onCommand} />);
  return { fake, menu };
}

describe('menu commands in the app', () => {
  beforeAll(() => stubLayout());
  afterEach(cleanup);

  it('File ▸ Import… opens the import dialog', async () => {
    const { menu } = setup();
    await screen.findAllByTestId('paper-row');
    expect(menu.listening()).toBe(1);
    menu.send('import.open');
    expect(await screen.findByTestId('import-dialog')).toBeTruthy();
  });

  it('File ▸ Export ▸ BibTeX exports the library as BibTeX', async () => {
    const { fake, menu } = setup();
    await screen.findAllByTestId('paper-row');
    menu.send('export.bibtex');
    await waitFor(() =>
      expect(fake.calls.filter((c) => c.method === 'export:library')).toEqual([
        { method: 'export:library', input: { format: 'bibtex' } },
      ]),
    );
  });

  it('Edit ▸ Find… focuses the library filter; Help ▸ Keyboard Shortcuts shows Settings', async () => {
    const { menu } = setup();
    await screen.findAllByTestId('paper-row');
    menu.send('library.focusSearch');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('filter-input')));
    menu.send('help.shortcuts');
    expect(await screen.findByTestId('settings-view')).toBeTruthy();
  });

  it('ignores ids it does not know and keeps working', async () => {
    const { menu } = setup();
    await screen.findAllByTestId('paper-row');
    menu.send('library.explode');
    menu.send('import.open');
    expect(await screen.findByTestId('import-dialog')).toBeTruthy();
  });
});
