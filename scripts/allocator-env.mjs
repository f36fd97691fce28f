// glibc's allocator settings for the process that holds a library open (`quire serve`, the Electron
// app). By default glibc gives each thread an arena and keeps what is freed in it: LanceDB's native
// scans at open left RSS at 1.96 GB on a 0.6 GB heap at 1M papers, and 0.8–1.05 GB with these three
// settings (one or two of them did little; DECISIONS.md). glibc reads them once, when a process
// starts, so a host started without them starts again with them (bin/quire.mjs, the Electron main).

/** What glibc's malloc is told: one arena, large blocks mapped on their own, free memory returned. */
export const ALLOCATOR_ENV = Object.freeze({
  MALLOC_ARENA_MAX: '1',
  MALLOC_MMAP_THRESHOLD_: '131072',
  MALLOC_TRIM_THRESHOLD_: '131072',
});

/**
 * The environment to start the host again with, or null when none is needed: on Linux (glibc),
 * unless every setting is already there (values the user set are kept) or QUIRE_MALLOC=default
 * opts out.
 */
export function allocatorRestartEnv(env = process.env, platform = process.platform) {
  if (platform !== 'linux' || env.QUIRE_MALLOC === 'default') return null;
  if (Object.keys(ALLOCATOR_ENV).every((k) => env[k] !== undefined)) return null;
  return { ...ALLOCATOR_ENV, ...env };
}

/**
 * Runs this command again in a child started with `env`, stdio shared, and exits with its code. The
 * child gets an IPC channel and stops when it closes, so it never outlives this process, even one
 * killed with SIGKILL; signals sent to this process reach it.
 */
export async function runAgainWith(env) {
  const { spawn } = await import('node:child_process');
  const { constants } = await import('node:os');
  const child = spawn(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
    env,
    stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
  });
  const forward = (signal) => child.exitCode === null && child.kill(signal);
  for (const s of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(s, forward);
  const code = await new Promise((resolve) => {
    child.on('error', (err) => {
      process.stderr.write(
        `quire: could not start again with the allocator settings: ${err.message}\n`,
      );
      resolve(1);
    });
    child.on('exit', (c, signal) =>
      resolve(c ?? 128 + ((signal && constants.signals[signal]) || 1)),
    );
  });
  process.exit(code);
}
