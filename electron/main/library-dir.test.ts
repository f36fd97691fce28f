// Tests for the library folder choice: environment, then argument, then the app-data default.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { libraryArg, resolveLibraryDir } from './library-dir';

const userData = path.resolve('/home/ada/.config/Quire');

describe('resolveLibraryDir', () => {
  it('prefers QUIRE_LIBRARY over --library', () => {
    const dir = resolveLibraryDir(
      { QUIRE_LIBRARY: '/env/lib' },
      ['--library', '/arg/lib'],
      userData,
    );
    expect(dir).toBe(path.resolve('/env/lib'));
  });

  it('reads --library DIR and --library=DIR, resolving relative paths against cwd', () => {
    expect(resolveLibraryDir({}, ['electron', '.', '--library', 'papers'], userData, '/work')).toBe(
      path.resolve('/work/papers'),
    );
    expect(resolveLibraryDir({}, ['quire', '--library=/abs/lib'], userData)).toBe(
      path.resolve('/abs/lib'),
    );
  });

  it('keeps a library on an object store as named, not as a path under cwd', () => {
    expect(resolveLibraryDir({}, ['electron', '.', '--library', 's3://lab/papers'], userData)).toBe(
      's3://lab/papers',
    );
  });

  it('falls back to a library folder in the app data', () => {
    expect(resolveLibraryDir({ QUIRE_LIBRARY: '' }, ['quire'], userData)).toBe(
      path.join(userData, 'library'),
    );
  });

  it('ignores a dangling --library and an empty value', () => {
    expect(libraryArg(['--library'])).toBeUndefined();
    expect(libraryArg(['--library='])).toBeUndefined();
    expect(libraryArg(['--library', 'a', '--library=b'])).toBe('b');
  });
});
