// @vitest-environment jsdom
// Settings ▸ Library: a library folder, and a library on object storage, which also says where this
// machine keeps its own files and what is shared.
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { LibraryInfo } from '@shared/api/schemas';
import { LibraryCard } from './SettingsSections';

const info = (extra: Partial<LibraryInfo> = {}): LibraryInfo => ({
  location: '/home/ada/.config/Quire/library',
  paperCount: 1234,
  schemaVersion: 3,
  appVersion: '0.1.0',
  mode: 'browser',
  ...extra,
});

describe('LibraryCard', () => {
  afterEach(cleanup);

  it('shows a library folder without talk of sharing', () => {
    render(<LibraryCard info={info()} error={null} />);
    expect(screen.getByTestId('library-location').textContent).toBe(
      '/home/ada/.config/Quire/library',
    );
    expect(screen.getByTestId('settings-paper-count').textContent).toBe('1,234');
    expect(screen.queryByTestId('library-personal-files')).toBeNull();
    expect(screen.queryByTestId('library-shared-note')).toBeNull();
  });

  it('shows a shared library, where this machine keeps its own files, and who writes', () => {
    render(
      <LibraryCard
        info={info({
          location: 's3://lab-papers/group',
          personalFiles: '/home/ada/.cache/quire/remote/lab-papers-group-0123456789',
        })}
        error={null}
      />,
    );
    expect(screen.getByTestId('library-location').textContent).toBe('s3://lab-papers/group');
    expect(screen.getByTestId('library-personal-files').textContent).toContain(
      '.cache/quire/remote/lab-papers-group',
    );
    expect(screen.getByTestId('library-shared-note').textContent).toContain(
      'one machine writes at a time',
    );
  });
});
