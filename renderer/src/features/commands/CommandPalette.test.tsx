// @vitest-environment jsdom
// Command palette: lists the registry's commands, filters as you type, runs the chosen one.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { stubLayout } from '../../testing/fakeApi';
import { CommandPalette } from './CommandPalette';
import { COMMANDS, type CommandContext } from './registry';

function context(over: Partial<CommandContext> = {}): CommandContext {
  return {
    go: vi.fn(),
    openImport: vi.fn(),
    exportAs: vi.fn(),
    toggleTheme: vi.fn(),
    focusFilter: vi.fn(),
    deleteSelected: vi.fn(),
    undoDelete: vi.fn(),
    hasSelection: false,
    canUndo: false,
    ...over,
  };
}

describe('CommandPalette', () => {
  beforeAll(() => stubLayout());
  afterEach(cleanup);

  it('lists every command of the registry', () => {
    render(<CommandPalette ctx={context()} onClose={() => {}} />);
    expect(screen.getByTestId('command-palette')).toBeTruthy();
    for (const title of [
      'Go to Library',
      'Go to Settings',
      'Import papers…',
      'Export as BibTeX',
      'Export as CSL-JSON',
      'Export as CSV',
      'Export as JSONL',
      'Toggle theme',
      'Focus filter',
      'Delete selected paper',
      'Undo delete',
    ]) {
      expect(screen.getByText(title)).toBeTruthy();
    }
    expect(screen.getAllByRole('option')).toHaveLength(COMMANDS.length);
  });

  it('filters as you type and runs the chosen command', async () => {
    const ctx = context();
    const onClose = vi.fn();
    render(<CommandPalette ctx={ctx} onClose={onClose} />);
    fireEvent.change(screen.getByTestId('palette-input'), { target: { value: 'csl' } });
    await waitFor(() => expect(screen.queryByText('Go to Map')).toBeNull());
    fireEvent.click(screen.getByText('Export as CSL-JSON'));
    expect(onClose).toHaveBeenCalled();
    await waitFor(() => expect(ctx.exportAs).toHaveBeenCalledWith('csl-json'));
  });

  it('ranks by title and whole keywords: "dark" offers Toggle theme first, not Search papers', async () => {
    render(<CommandPalette ctx={context()} onClose={() => {}} />);
    fireEvent.change(screen.getByTestId('palette-input'), { target: { value: 'dark' } });
    await waitFor(() =>
      expect(screen.getAllByRole('option')[0]!.textContent).toMatch(/^Toggle theme/),
    );
    expect(screen.queryByText('Search papers')).toBeNull();
  });

  it('disables commands that have nothing to act on', () => {
    render(<CommandPalette ctx={context({ hasSelection: false })} onClose={() => {}} />);
    expect(screen.getByTestId('command-library.deleteSelected').getAttribute('aria-disabled')).toBe(
      'true',
    );
  });
});
