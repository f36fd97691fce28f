// The application menu: native roles for editing and viewing, Quire's own items sent to the renderer as commands.
import { Menu, type MenuItemConstructorOptions } from 'electron';
import { EXPORT_FORMATS, type ExportFormat } from '@shared/api/schemas';
import { MENU_COMMANDS, exportCommand, type MenuCommand } from '@shared/menu-commands';

export type MenuActions = {
  /** Delivers a command to the focused window's renderer (ids in shared/menu-commands.ts). */
  send(command: MenuCommand): void;
  /** Shows the library folder in the OS file manager. */
  showLibraryFolder(): void;
};

// Menu labels for export formats; the record type makes a new format in shared/ a compile error here.
const EXPORT_LABELS: Record<ExportFormat, string> = {
  bibtex: 'BibTeX…',
  'csl-json': 'CSL-JSON…',
  csv: 'CSV…',
  jsonl: 'JSON Lines…',
};

export type MenuOptions = {
  /** Show View › Toggle Developer Tools (and its shortcut); true only when running from source. */
  devTools: boolean;
};

export function buildMenuTemplate(
  actions: MenuActions,
  platform: NodeJS.Platform,
  { devTools }: MenuOptions = { devTools: false },
): MenuItemConstructorOptions[] {
  const isMac = platform === 'darwin';
  const command = (
    label: string,
    id: MenuCommand,
    accelerator?: string,
  ): MenuItemConstructorOptions => ({
    label,
    accelerator,
    click: () => actions.send(id),
  });

  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      command('Import…', MENU_COMMANDS.importOpen, 'CmdOrCtrl+O'),
      {
        label: 'Export',
        submenu: EXPORT_FORMATS.map((f) => command(EXPORT_LABELS[f], exportCommand(f))),
      },
      { type: 'separator' },
      { label: 'Show Library Folder', click: () => actions.showLibraryFolder() },
      // macOS puts Quit in the app menu.
      ...(isMac ? [] : [{ type: 'separator' } as const, { role: 'quit' } as const]),
    ],
  };

  const edit: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      ...(isMac ? [{ role: 'pasteAndMatchStyle' } as const] : []),
      { role: 'delete' },
      { role: 'selectAll' },
      { type: 'separator' },
      command('Find…', MENU_COMMANDS.find, 'CmdOrCtrl+F'),
    ],
  };

  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      { role: 'reload' },
      { role: 'forceReload' },
      // Packaged builds have no DevTools item, so no Ctrl+Shift+I / Alt+Cmd+I accelerator either.
      ...(devTools ? [{ role: 'toggleDevTools' } as const] : []),
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };

  const help: MenuItemConstructorOptions = {
    role: 'help',
    submenu: [
      command('Keyboard Shortcuts', MENU_COMMANDS.shortcuts, 'CmdOrCtrl+/'),
      ...(isMac
        ? []
        : [{ type: 'separator' } as const, command('About Quire', MENU_COMMANDS.about)]),
    ],
  };

  const app: MenuItemConstructorOptions = {
    role: 'appMenu', // label is the app name, "Quire"
  };

  return [
    ...(isMac ? [app] : []),
    file,
    edit,
    view,
    ...(isMac ? [{ role: 'windowMenu' } as const] : []),
    help,
  ];
}

export function installMenu(actions: MenuActions, options: MenuOptions): void {
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(buildMenuTemplate(actions, process.platform, options)),
  );
}
