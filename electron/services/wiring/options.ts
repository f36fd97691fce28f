// What createServices is given: the library folder, the mode, and the knobs tests and the app set.
import type { ComputeLimits } from '../compute/runner';
import type { ChildLauncher } from '../notebooks/sandbox/child-launcher';
import type { ExpansionOverrides } from '../search/expansion/types';
import type { FusionMethod } from '../search/fusion';

/** The model a fresh library uses: built from pre-trained word vectors by scripts/build-default-model.mjs. */
export const DEFAULT_MODEL = 'quire-glove-100d';

export type ServicesOptions = {
  /** Library folder (created if missing), or `s3://bucket/prefix` (library/location.ts). */
  libraryDir: string;
  /** Where a remote library keeps this machine's files (default: under $QUIRE_REMOTE_CACHE). */
  remoteFilesDir?: string;
  mode: 'electron' | 'browser' | 'cli';
  /** Load what a first search needs in the background once open (the app and `quire serve`). */
  warmSearch?: boolean;
  appVersion?: string;
  /** Bundled models (packaged app: `process.resourcesPath/models`). */
  bundledModelsDir?: string;
  /** Model hub for downloads; `QUIRE_HUB_URL` overrides the default. */
  hubUrl?: string;
  /** Folders browser-mode/IPC callers may import from by path; default `QUIRE_IMPORT_DIRS`, else none. */
  importDirs?: string[];
  /** Limits of the graph compute worker (default: graphLimitsFromEnv()). */
  graphLimits?: ComputeLimits;
  /** How notebook sandbox processes start (the Electron app: a utility process); default fork. */
  launchSandbox?: ChildLauncher;
  /** Search fusion and query expansion other than the defaults (bench/search/quality.ts sweeps them). */
  search?: { fusion?: FusionMethod; expansion?: ExpansionOverrides };
  /** Papers per chunk of a library export (default EXPORT_CHUNK); tests make it small. */
  exportChunk?: number;
};
