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

  it('keeps a library on an object store as named', () => {
    expect(resolveLibraryDir('s3://lab/papers')).toBe('s3://lab/papers');
    expect(resolveLibraryDir(undefined, { QUIRE_LIBRARY: 's3://lab' })).toBe('s3://lab');
  });
});
