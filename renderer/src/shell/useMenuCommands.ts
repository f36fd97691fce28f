// Desktop menu items (File ▸ Import…, File ▸ Export ▸ …, Edit ▸ Find…, Help ▸ …) run here, through
// the same command context as the palette; browser mode has no menu, so no subscription.
import { useEffect } from 'react';
import type { Bridge } from '@shared/api/ipc';
import {
  MENU_COMMANDS,
  exportFormatOf,
  isMenuCommand,
  type MenuCommand,
} from '@shared/menu-commands';
import type { CommandContext } from '../features/commands/registry';
import { useLatest } from '../lib/useLatest';

export type OnMenuCommand = NonNullable<Bridge['onCommand']>;

/** Runs one menu command in the app; unknown ids (an older or newer main process) are ignored. */
export function runMenuCommand(command: MenuCommand, ctx: CommandContext): void {
  const format = exportFormatOf(command);
  if (format) return ctx.exportAs(format);
  switch (command) {
    case MENU_COMMANDS.importOpen:
      return ctx.openImport();
    case MENU_COMMANDS.find:
      // As `/`: the filter in Library, the Search box elsewhere.
      if (ctx.view === 'library' || !ctx.focusSearch) return ctx.focusFilter();
      return ctx.focusSearch();
    case MENU_COMMANDS.shortcuts:
    case MENU_COMMANDS.about:
      // Settings lists the shortcuts and the version.
      return ctx.go('settings');
  }
}

export function useMenuCommands(onCommand: OnMenuCommand | undefined, ctx: CommandContext): void {
  const ctxRef = useLatest(ctx);
  useEffect(() => {
    if (!onCommand) return;
    return onCommand((command: unknown) => {
      if (isMenuCommand(command)) runMenuCommand(command, ctxRef.current);
    });
  }, [ctxRef, onCommand]);
}
