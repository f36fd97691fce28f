// Commands as data (as Excalidraw's actions): the palette, shortcuts and Settings all read this list.
import { EXPORT_FORMATS, type ExportFormat } from '@shared/api/schemas';
import { MENU_COMMANDS, exportCommand } from '@shared/menu-commands';
import { VIEWS, VIEW_TITLES, type View } from '../../views';

/** What a command may do to the app; App builds it from its state. */
export type CommandContext = {
  go(view: View): void;
  openImport(): void;
  exportAs(format: ExportFormat): void;
  toggleTheme(): void;
  focusFilter(): void;
  deleteSelected(): void;
  undoDelete(): void;
  /** Opens Search and focuses its box. */
  focusSearch?(): void;
  /** "More like this" for the paper open in the current view's pane. */
  moreLikeThis?(): void;
  /** Opens Notebooks and creates a notebook there. */
  newNotebook?(): void;
  /** Runs every cell of the open notebook / stops that run (Notebooks view). */
  runNotebook?(): void;
  stopNotebook?(): void;
  /** Opens the Tags view on a tab, maybe starting a suggestion run or a new tag. */
  openTagging?(tab: 'review' | 'vocabulary', action?: 'run' | 'new'): void;
  hasSelection: boolean;
  /** A paper is open in the pane of the current view. */
  hasOpenPaper?: boolean;
  canUndo: boolean;
  view?: View;
};

export type Command = {
  id: string;
  title: string;
  group: 'Go to' | 'Search' | 'Library' | 'Tags' | 'Notebooks' | 'Appearance';
  /** `Mod` is Cmd on macOS, Ctrl elsewhere. */
  shortcut?: string;
  keywords?: string[];
  run(ctx: CommandContext): void;
  enabled?(ctx: CommandContext): boolean;
};

export const EXPORT_LABELS: Record<ExportFormat, string> = {
  bibtex: 'BibTeX',
  'csl-json': 'CSL-JSON',
  csv: 'CSV',
  jsonl: 'JSONL',
};

export const COMMANDS: readonly Command[] = [
  ...VIEWS.map((view, i): Command => ({
    id: `go.${view}`,
    title: `Go to ${VIEW_TITLES[view]}`,
    group: 'Go to',
    shortcut: `Mod+${i + 1}`,
    run: (ctx) => ctx.go(view),
  })),
  {
    id: 'search.focus',
    title: 'Search papers',
    group: 'Search',
    shortcut: '/',
    keywords: ['find', 'semantic', 'hybrid', 'keyword', 'meaning', 'query'],
    run: (ctx) => ctx.focusSearch?.(),
    enabled: (ctx) => ctx.focusSearch !== undefined,
  },
  {
    id: 'search.moreLikeThis',
    title: 'More like this paper',
    group: 'Search',
    keywords: ['similar', 'related', 'neighbours', 'semantic'],
    run: (ctx) => ctx.moreLikeThis?.(),
    enabled: (ctx) => ctx.moreLikeThis !== undefined && ctx.hasOpenPaper === true,
  },
  {
    id: MENU_COMMANDS.importOpen,
    title: 'Import papers…',
    group: 'Library',
    shortcut: 'Mod+I',
    keywords: ['bibtex', 'ris', 'csl', 'arxiv', 'csv', 'jsonl', 'feed', 'add'],
    run: (ctx) => ctx.openImport(),
  },
  ...EXPORT_FORMATS.map((format): Command => ({
    id: exportCommand(format),
    title: `Export as ${EXPORT_LABELS[format]}`,
    group: 'Library',
    keywords: ['download', 'save'],
    run: (ctx) => ctx.exportAs(format),
  })),
  {
    id: 'library.focusFilter',
    title: 'Focus filter',
    group: 'Library',
    shortcut: '/',
    keywords: ['find'],
    run: (ctx) => ctx.focusFilter(),
  },
  {
    id: 'library.deleteSelected',
    title: 'Delete selected paper',
    group: 'Library',
    shortcut: 'Delete',
    keywords: ['remove'],
    run: (ctx) => ctx.deleteSelected(),
    enabled: (ctx) => ctx.hasSelection,
  },
  {
    id: 'library.undoDelete',
    title: 'Undo delete',
    group: 'Library',
    shortcut: 'Mod+Z',
    keywords: ['restore'],
    run: (ctx) => ctx.undoDelete(),
    enabled: (ctx) => ctx.canUndo,
  },
  {
    id: 'tags.review',
    title: 'Review tag suggestions',
    group: 'Tags',
    keywords: ['queue', 'accept', 'reject', 'label', 'suggested'],
    run: (ctx) => ctx.openTagging?.('review'),
    enabled: (ctx) => ctx.openTagging !== undefined,
  },
  {
    id: 'tags.run',
    title: 'Run tag suggestions',
    group: 'Tags',
    keywords: ['suggest', 'zero-shot', 'neighbours', 'llm', 'classify', 'auto-tag'],
    run: (ctx) => ctx.openTagging?.('review', 'run'),
    enabled: (ctx) => ctx.openTagging !== undefined,
  },
  {
    id: 'tags.new',
    title: 'New tag…',
    group: 'Tags',
    keywords: ['add', 'vocabulary', 'describe', 'label'],
    run: (ctx) => ctx.openTagging?.('vocabulary', 'new'),
    enabled: (ctx) => ctx.openTagging !== undefined,
  },
  {
    id: 'tags.manage',
    title: 'Manage tags',
    group: 'Tags',
    keywords: ['vocabulary', 'rename', 'merge', 'delete', 'colour', 'color', 'description'],
    run: (ctx) => ctx.openTagging?.('vocabulary'),
    enabled: (ctx) => ctx.openTagging !== undefined,
  },
  {
    id: 'notebooks.new',
    title: 'New notebook',
    group: 'Notebooks',
    keywords: ['create', 'lab', 'cells', 'analysis'],
    run: (ctx) => ctx.newNotebook?.(),
    enabled: (ctx) => ctx.newNotebook !== undefined,
  },
  {
    id: 'notebooks.runAll',
    title: 'Run all cells',
    group: 'Notebooks',
    shortcut: 'Mod+Shift+Enter',
    keywords: ['execute', 'notebook', 'compute'],
    run: (ctx) => ctx.runNotebook?.(),
    enabled: (ctx) => ctx.view === 'notebooks' && ctx.runNotebook !== undefined,
  },
  {
    id: 'notebooks.stop',
    title: 'Stop the running notebook',
    group: 'Notebooks',
    keywords: ['cancel', 'abort', 'halt'],
    run: (ctx) => ctx.stopNotebook?.(),
    enabled: (ctx) => ctx.view === 'notebooks' && ctx.stopNotebook !== undefined,
  },
  {
    id: 'theme.toggle',
    title: 'Toggle theme',
    group: 'Appearance',
    keywords: ['dark', 'light', 'mode'],
    run: (ctx) => ctx.toggleTheme(),
  },
];

/** Keys that are not commands but still worth listing in Settings. */
export const OTHER_SHORTCUTS: readonly { keys: string; what: string }[] = [
  { keys: 'Mod+K', what: 'Command palette' },
  { keys: '↑ / ↓', what: 'Move the selection in the library' },
  { keys: 'Enter', what: 'Open the selected paper (focus its notes)' },
  { keys: 'Esc', what: 'Close a dialog or the palette' },
  { keys: 'Shift+Enter', what: 'Run the notebook cell being edited' },
  { keys: 'Alt+Enter', what: 'Add a notebook cell below' },
  { keys: 'Mod+Alt+↑ / ↓', what: 'Move a notebook cell' },
  { keys: 'Mod+Z / Mod+Shift+Z', what: 'Undo / redo in a notebook' },
  { keys: 'A / R', what: 'Accept / reject the suggestion (Tags → Review)' },
  { keys: 'J / K', what: 'Next / previous suggestion or tag (Tags)' },
  { keys: 'U', what: 'Undo the last accept or reject (Tags → Review)' },
  { keys: 'Shift+A', what: 'Accept all of a tag above a score (Tags → Review)' },
  { keys: 'N / E / M / Delete', what: 'New / edit / merge / delete a tag (Tags → Vocabulary)' },
];

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

const MAC_KEYS: Record<string, string> = { Mod: '⌘', Shift: '⇧', Alt: '⌥', Ctrl: '⌃' };

/**
 * `Mod+Shift+Z` → `⌘⇧Z` on macOS, `Ctrl+Shift+Z` elsewhere; every modifier of every alternative
 * (`Mod+Z / Mod+Shift+Z`) is rewritten, not only the first.
 */
export function formatShortcut(shortcut: string, mac = isMac): string {
  return mac
    ? shortcut.replace(/\b(Mod|Shift|Alt|Ctrl)\+/g, (_, k: string) => MAC_KEYS[k]!)
    : shortcut.replace(/\bMod\+/g, 'Ctrl+');
}
