import { describe, expect, it } from 'vitest';
import { defaultLibraryDir, resolveLibraryDir } from './paths';

describe('library location', () => {
  it('matches Electron userData per OS', () => {
    expect(defaultLibraryDir({}, 'linux', '/home/u')).toBe('/home/u/.config/Quire/library');
    expect(defaultLibraryDir({ XDG_CONFIG_HOME: '/x' }, 'linux', '/home/u')).toBe(
      '/x/Quire/library',
    );
    expect(defaultLibraryDir({}, 'darwin', '/Users/u')).toBe(
      '/Users/u/Library/Application Support/Quire/library',
    );
  });
  it('prefers --library, then QUIRE_LIBRARY', () => {
    expect(resolveLibraryDir('/a', { QUIRE_LIBRARY: '/b' })).toBe('/a');
    expect(resolveLibraryDir(undefined, { QUIRE_LIBRARY: '/b' })).toBe('/b');
  });
});
