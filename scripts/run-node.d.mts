// Types of run-node.mjs.

/** Runs `node ...args` with stdio shared; resolves with its exit code (128 + signal if killed). */
export function runNode(
  args: string[],
  options?: { cwd?: string; env?: NodeJS.ProcessEnv; ipc?: boolean; label?: string },
): Promise<number>;
