// Tests for the menu template: every Quire item sends a documented command; exports cover every format.
import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { EXPORT_FORMATS } from '@shared/api/schemas';
import type { MenuCommand } from '@shared/menu-commands';

// The electron package throws without its binary; the template builder needs none of it.
vi.mock('electron', () => ({ Menu: {} }));
const { buildMenuTemplate } = await import('./menu');

function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [
    item,
    ...(Array.isArray(item.submenu) ? items(item.submenu as MenuItemConstructorOptions[]) : []),
  ]);
}

function clickAll(platform: NodeJS.Platform): MenuCommand[] {
  const sent: MenuCommand[] = [];
  const template = buildMenuTemplate(
    { send: (c) => sent.push(c), showLibraryFolder: () => {} },
    platform,
  );
  for (const item of items(template)) {
    if (item.click && item.label !== 'Show Library Folder') (item.click as () => void)();
  }
  return sent;
}

/** Every role and accelerator in a template, for looking for DevTools. */
function rolesAndKeys(devTools: boolean, platform: NodeJS.Platform): string[] {
  const template = buildMenuTemplate({ send: () => {}, showLibraryFolder: () => {} }, platform, {
    devTools,
  });
  return items(template).flatMap((i) => [i.role ?? '', String(i.accelerator ?? '')]);
}

describe('application menu', () => {
  it('has no DevTools item or shortcut in packaged builds, on every platform', () => {
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      const packaged = rolesAndKeys(false, platform).map((s) => s.toLowerCase());
      expect(packaged, platform).not.toContain('toggledevtools');
      expect(
        packaged.filter((s) => /shift\+i|alt\+.*i$|f12/.test(s)),
        platform,
      ).toEqual([]);
      expect(rolesAndKeys(true, platform), platform).toContain('toggleDevTools');
    }
    // Without options the menu is the packaged one: DevTools must be asked for.
    const bare = buildMenuTemplate({ send: () => {}, showLibraryFolder: () => {} }, 'linux');
    expect(items(bare).some((i) => i.role === 'toggleDevTools')).toBe(false);
  });

  it('sends import, every export format, find and help commands', () => {
    expect(clickAll('linux')).toEqual([
      'import.open',
      ...EXPORT_FORMATS.map((f) => `export.${f}`),
      'library.focusSearch',
      'help.shortcuts',
      'help.about',
    ]);
  });

  it('uses the native app menu and about panel on macOS', () => {
    const template = buildMenuTemplate({ send: () => {}, showLibraryFolder: () => {} }, 'darwin');
    expect(template[0]?.role).toBe('appMenu');
    expect(clickAll('darwin')).not.toContain('help.about');
    expect(items(template).some((i) => i.role === 'quit')).toBe(false);
  });
});
