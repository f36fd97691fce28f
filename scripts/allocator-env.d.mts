// Types of allocator-env.mjs, for the Electron main, tests and benches that import it.

export const ALLOCATOR_PROFILES: Readonly<{
  arena: Readonly<Record<string, string>>;
  lean: Readonly<Record<string, string>>;
}>;

export const ALLOCATOR_ENV: Readonly<Record<string, string>>;

/** The environment to start the host again with, or null when none is needed. */
export function allocatorRestartEnv(
  env?: NodeJS.ProcessEnv,
  platform?: NodeJS.Platform,
): NodeJS.ProcessEnv | null;

/** Runs this command again in a child started with `env` and exits with its code. */
export function runAgainWith(env: NodeJS.ProcessEnv): Promise<never>;
