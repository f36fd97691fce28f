// Types of cli-bundle.mjs, for electron.vite.config.ts and the tests that build the CLI bundle.
import type { RolldownOutput } from 'rolldown';

/** Packages loaded from node_modules at run time, never bundled. */
export const EXTERNAL: readonly string[];

/** Builds the CLI bundle into `outDir` (default out/cli) and records its sources. */
export function buildCli(options?: { root?: string; outDir?: string }): Promise<RolldownOutput>;
