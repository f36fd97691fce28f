// glibc's allocator settings for the process that holds a library open (`quire serve`, the Electron
// app). By default glibc gives each thread an arena of its own and keeps what is freed in it, so
// LanceDB's native reads leave the host holding memory it no longer uses. glibc reads the settings
// once, when a process starts, so a host started without them starts again with them (bin/quire.mjs,
// the Electron main). bench/scale/allocator.ts, 20k papers + a 5k import, medians of runs against
// glibc's defaults: one arena took RSS from ~970 to ~760 MB at the same speed; adding 128 KiB mmap
// and trim thresholds took it to ~645 MB but made hybrid search ~1.5x slower and imports ~0.9x, so
// that is a choice for very large libraries (QUIRE_MALLOC=lean), not the default. DECISIONS.md.

/** The settings by name: `arena` is the default, `lean` gives memory back at a cost in speed. */
export const ALLOCATOR_PROFILES = Object.freeze({
  arena: Object.freeze({ MALLOC_ARENA_MAX: '1' }),
  lean: Object.freeze({
    MALLOC_ARENA_MAX: '1',
    MALLOC_MMAP_THRESHOLD_: '131072',
    MALLOC_TRIM_THRESHOLD_: '131072',
  }),
});

/** What the host runs with unless QUIRE_MALLOC says otherwise. */
export const ALLOCATOR_ENV = ALLOCATOR_PROFILES.arena;

/**
 * The environment to start the host again with, or null when none is needed: on Linux (glibc), the
 * settings QUIRE_MALLOC names (`arena` when unset, `lean`; `default` keeps glibc's own), unless
 * every one of them is already set (values the user set are kept).
 */
export function allocatorRestartEnv(env = process.env, platform = process.platform) {
  const profile = env.QUIRE_MALLOC ?? 'arena';
  if (platform !== 'linux' || profile === 'default') return null;
  const settings = ALLOCATOR_PROFILES[profile];
  if (!settings) throw new Error(`QUIRE_MALLOC must be arena, lean or default, not "${profile}"`);
  if (Object.keys(settings).every((k) => env[k] !== undefined)) return null;
  return { ...settings, ...env };
}

/**
 * Runs this command again in a child started with `env`, stdio shared, and exits with its code. The
 * child gets an IPC channel and stops when it closes, so it never outlives this process, even one
 * killed with SIGKILL; signals sent to this process reach it.
 */
export async function runAgainWith(env) {
  const { runNode } = await import('./run-node.mjs');
  const code = await runNode([...process.execArgv, ...process.argv.slice(1)], {
    env,
    ipc: true,
    label: 'quire: could not start again with the allocator settings',
  });
  process.exit(code);
}
