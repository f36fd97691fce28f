// @vitest-environment jsdom
// The live library's poll: every move of the revision that the app has not shown yet leads to a
// refresh, including one that lands right after a refresh the poll itself caused.
import { act, renderHook } from '@testing-library/react';
import { useCallback, useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Api } from '@shared/api/client';
import { REVISION_POLL_MS, useLibraryRevision } from './useLibraryRevision';

/** An api whose `library:revision` answers whatever `disk.revision` says now. */
function revisionApi(disk: { revision: number }): Api {
  const call = vi.fn((method: string) => {
    if (method !== 'library:revision') throw new Error(`unexpected ${method}`);
    return Promise.resolve({ revision: disk.revision });
  });
  return { call } as unknown as Api;
}

/** The hook as the shell uses it: `version` is bumped by every refresh, the poll's own included. */
function useShell(api: Api) {
  const [version, setVersion] = useState(0);
  const bump = useCallback(() => setVersion((v) => v + 1), []);
  useLibraryRevision(api, true, bump);
  return { version, bump };
}

async function tick(): Promise<void> {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(REVISION_POLL_MS);
  });
}

/** The shell's hook over a library at `revision`, after the poll has read it once. */
async function mount(revision: number) {
  const disk = { revision };
  const api = revisionApi(disk);
  const { result } = renderHook(() => useShell(api));
  await tick();
  return { disk, result };
}

describe('useLibraryRevision', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('refreshes for a commit that lands just after a refresh the poll caused', async () => {
    const { disk, result } = await mount(10);
    expect(result.current.version).toBe(0);

    disk.revision = 11; // the app's background optimise, say: not one of its own bumps
    await tick();
    expect(result.current.version).toBe(1);

    disk.revision = 12; // `quire import` commits before the next poll
    await tick();
    expect(result.current.version).toBe(2);
  });

  it('refreshes for a commit by another process right after one of the app’s own writes', async () => {
    const { disk, result } = await mount(10);

    // The app writes (revision 11) and refreshes its views at once, then the CLI commits (12)
    // before the poll looks again: the views hold 11, so the poll must refresh once more.
    disk.revision = 11;
    act(() => result.current.bump());
    disk.revision = 12;
    await tick();
    expect(result.current.version).toBe(2);
  });

  it('stays quiet while nothing changes', async () => {
    const { result } = await mount(3);
    for (let i = 0; i < 4; i++) await tick();
    expect(result.current.version).toBe(0);
  });
});
