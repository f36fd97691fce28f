// Bundles the `quire` CLI and browser-mode host (`quire serve`) into out/cli/*.mjs, so a command
// starts without compiling TypeScript (tsx took ~4 s per run). Run by `npm run build` (from
// electron.vite.config.ts) and by `npm install` (postinstall); `node scripts/cli-bundle.mjs`.
//
// The services' workers are started by path from beside the module that starts them, so they sit in
// out/cli too: the map and compute workers as entries of this bundle, the plain .mjs workers copied.
// Native packages stay external (their addons load from node_modules), and apache-arrow with them:
// LanceDB checks Arrow tables by instance, so it must be the one copy LanceDB itself imports.
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeRecord } from './build-freshness.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Packages loaded from node_modules at run time, never bundled. */
export const EXTERNAL = [
  '@lancedb/lancedb',
  'apache-arrow',
  '@huggingface/transformers',
  'onnxruntime-node',
  'onnxruntime-common',
  'sharp',
  'tsx',
];

const ENTRIES = {
  quire: 'electron/host/cli/run.ts',
  'map-worker': 'electron/services/map/map-worker.ts',
  'compute-worker': 'electron/services/compute/compute-worker.ts',
};

/** Plain worker scripts, copied beside the bundle (each is started by path). */
const PLAIN_WORKERS = [
  'electron/services/embedding/embed-worker.mjs',
  'electron/services/notebooks/sandbox/sandbox-worker.mjs',
  'electron/services/notebooks/sandbox/sandbox-process.mjs',
];

/** What else a bundle depends on: these scripts and the dependency list. */
const BUILD_INPUTS = ['scripts/cli-bundle.mjs', 'scripts/build-freshness.mjs', 'package.json'];

const isExternal = (id) => EXTERNAL.some((p) => id === p || id.startsWith(`${p}/`));

/**
 * Builds the CLI bundle into `outDir` (default out/cli) and records its sources in
 * `<outDir>/../.build/cli.json` for bin/quire.mjs's freshness check. Resolves with Rolldown's output
 * (the tests read the entry's static imports from it).
 */
export async function buildCli({ root = ROOT, outDir = path.join(root, 'out', 'cli') } = {}) {
  const { build } = await import('vite');
  const startedAt = Date.now();
  const sources = new Set();
  const result = await build({
    configFile: false,
    root,
    logLevel: 'warn',
    publicDir: false,
    resolve: { alias: { '@shared': path.join(root, 'shared') } },
    ssr: { noExternal: true },
    plugins: [
      {
        name: 'quire-cli-sources',
        generateBundle(_options, bundle) {
          for (const chunk of Object.values(bundle))
            if (chunk.type === 'chunk')
              for (const id of chunk.moduleIds)
                if (!id.includes('\0')) sources.add(id.split('?')[0]);
        },
      },
    ],
    build: {
      ssr: true,
      outDir,
      emptyOutDir: true,
      target: 'node20',
      // Readable stack traces in bug reports; minifying saves little start-up time for a local CLI.
      minify: false,
      reportCompressedSize: false,
      rollupOptions: {
        input: Object.fromEntries(
          Object.entries(ENTRIES).map(([name, file]) => [name, path.join(root, file)]),
        ),
        external: isExternal,
        output: {
          format: 'es',
          entryFileNames: '[name].mjs',
          // Flat beside the entries: modules find resources/ and the workers relative to themselves.
          chunkFileNames: '[name]-[hash].mjs',
        },
      },
    },
  });
  mkdirSync(outDir, { recursive: true });
  for (const w of PLAIN_WORKERS)
    copyFileSync(path.join(root, w), path.join(outDir, path.basename(w)));
  writeRecord(path.dirname(outDir), 'cli', {
    root,
    startedAt,
    files: [...sources, ...[...PLAIN_WORKERS, ...BUILD_INPUTS].map((f) => path.join(root, f))],
  });
  return Array.isArray(result) ? result[0] : result;
}

// `node scripts/cli-bundle.mjs` (npm's postinstall): an install without devDependencies (no vite)
// keeps the slower TypeScript entry instead of failing the install.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (!existsSync(path.join(ROOT, 'node_modules', 'vite'))) {
    console.log('quire: vite is not installed; the CLI will run from its TypeScript sources.');
  } else {
    const t0 = Date.now();
    await buildCli();
    console.log(`quire: CLI bundled into out/cli in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
}
