// Palette ranking: title word prefixes, then keywords, then loose matches; "dark" finds the theme.
import { describe, expect, it } from 'vitest';
import { paletteScore } from './rank';
import { COMMANDS, formatShortcut } from './registry';

const best = (q: string) =>
  [...COMMANDS]
    .map((c) => ({ title: c.title, s: paletteScore(q, c.title, c.keywords ?? []) }))
    .filter((c) => c.s > 0)
    .sort((a, b) => b.s - a.s)
    .map((c) => c.title);

describe('paletteScore', () => {
  it('ranks a keyword match above a loose letter match ("dark" → Toggle theme)', () => {
    expect(best('dark')[0]).toBe('Toggle theme');
    expect(best('dark')).not.toContain('Search papers');
  });

  it('ranks word prefixes of the title first', () => {
    expect(best('new note')[0]).toBe('New notebook');
    expect(best('imp')[0]).toBe('Import papers…');
    expect(paletteScore('go to map', 'Go to Map', [])).toBe(1);
  });

  it('hides what does not match at all and keeps in-order letters last', () => {
    expect(paletteScore('zzz', 'Toggle theme', ['dark'])).toBe(0);
    expect(paletteScore('tgth', 'Toggle theme', [])).toBe(0.1);
  });
});

describe('formatShortcut', () => {
  it('rewrites every modifier, on both platforms', () => {
    expect(formatShortcut('Mod+Z / Mod+Shift+Z', false)).toBe('Ctrl+Z / Ctrl+Shift+Z');
    expect(formatShortcut('Mod+Z / Mod+Shift+Z', true)).toBe('⌘Z / ⌘⇧Z');
    expect(formatShortcut('Mod+Alt+↑ / ↓', true)).toBe('⌘⌥↑ / ↓');
    expect(formatShortcut('Shift+Enter', false)).toBe('Shift+Enter');
  });
});
