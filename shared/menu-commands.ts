// Menu command names, main → renderer: the one list the menu (electron/main/menu.ts), the preload bridge
// and the renderer (useMenuCommands) all use, so a renamed command is a compile error on every side.
import { EXPORT_FORMATS, type ExportFormat } from './api/schemas';

/** The fixed commands; `export.<format>` commands come from `exportCommand`. */
export const MENU_COMMANDS = {
  /** File ▸ Import…: open the import dialog. */
  importOpen: 'import.open',
  /** Edit ▸ Find…: focus the library's filter (the Search box outside Library, as `/` does). */
  find: 'library.focusSearch',
  /** Help ▸ Keyboard Shortcuts: show the shortcut sheet (Settings). */
  shortcuts: 'help.shortcuts',
  /** Help ▸ About Quire (Windows and Linux; macOS shows its native panel). */
  about: 'help.about',
} as const;

export type ExportCommand = `export.${ExportFormat}`;

/** Every command id a menu item may send. */
export type MenuCommand = (typeof MENU_COMMANDS)[keyof typeof MENU_COMMANDS] | ExportCommand;

/** File ▸ Export ▸ <format>: export the library in that format. */
export function exportCommand(format: ExportFormat): ExportCommand {
  return `export.${format}`;
}

/** The format of an export command, else null. */
export function exportFormatOf(command: MenuCommand): ExportFormat | null {
  return EXPORT_FORMATS.find((f) => exportCommand(f) === command) ?? null;
}

export const ALL_MENU_COMMANDS: readonly MenuCommand[] = [
  ...Object.values(MENU_COMMANDS),
  ...EXPORT_FORMATS.map(exportCommand),
];

/** Guards what arrives over IPC: only known command ids reach the renderer. */
export function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && (ALL_MENU_COMMANDS as readonly string[]).includes(value);
}
