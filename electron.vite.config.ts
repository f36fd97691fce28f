// electron-vite: one build per process, with Quire's folder roots.
import { copyFileSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { build, type Plugin } from 'vite';
import { writeRecord } from './scripts/build-freshness.mjs';
import { buildCli } from './scripts/cli-bundle.mjs';

/** `@shared/…` is the project's shared/ folder, in every build (tsconfig.base.json says the same). */
const alias = { '@shared': resolve(__dirname, 'shared') };

/** Worker-thread scripts are plain ESM files started by path, so they are copied, not bundled. */
const WORKERS = [
  'electron/services/embedding/embed-worker.mjs',
  'electron/services/notebooks/sandbox/sandbox-worker.mjs',
  'electron/services/notebooks/sandbox/sandbox-process.mjs',
];

/**
 * The compute worker (graph metrics, fits) is TypeScript over shared/, so it gets its own bundle:
 * one self-contained out/main/compute-worker.mjs with its dependencies inlined (graphology, mathjs),
 * because a worker started from app.asar.unpacked cannot resolve packages inside app.asar, and a
 * chunk shared with main.js would sit inside the asar. In the sources it runs through tsx instead
 * (electron/services/compute/worker-entry.ts).
 */
async function buildComputeWorker(outDir: string) {
  await build({
    configFile: false,
    logLevel: 'warn',
    resolve: { alias },
    publicDir: false,
    ssr: { noExternal: true },
    build: {
      ssr: resolve(__dirname, 'electron/services/compute/compute-worker.ts'),
      outDir,
      emptyOutDir: false,
      target: 'node20',
      rollupOptions: {
        output: { format: 'es', entryFileNames: 'compute-worker.mjs', codeSplitting: false },
      },
    },
  });
}

function copyWorkers() {
  return {
    name: 'quire-copy-workers',
    async closeBundle() {
      const out = resolve(__dirname, 'out/main');
      mkdirSync(out, { recursive: true });
      for (const w of WORKERS)
        copyFileSync(resolve(__dirname, w), resolve(out, w.split('/').pop()!));
      await buildComputeWorker(out);
      // The CLI and browser-mode host (out/cli), bundled so `quire` starts without tsx.
      // bench/startup skips it to time the build as it was before the bundle existed.
      if (process.env.QUIRE_SKIP_CLI_BUNDLE !== '1') await buildCli();
    },
  };
}

/**
 * Records the renderer's sources (out/.build/renderer.json), so `npm start` in browser mode
 * rebuilds only when one changed (scripts/build-freshness.mjs).
 */
function recordRendererSources(): Plugin {
  let startedAt = 0;
  const files = new Set<string>();
  return {
    name: 'quire-record-renderer-sources',
    buildStart() {
      startedAt = Date.now();
    },
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle))
        if (chunk.type === 'chunk')
          for (const id of chunk.moduleIds) if (!id.includes('\0')) files.add(id.split('?')[0]!);
    },
    closeBundle() {
      for (const f of ['renderer/index.html', 'electron.vite.config.ts', 'package.json'])
        files.add(resolve(__dirname, f));
      writeRecord(resolve(__dirname, 'out'), 'renderer', { root: __dirname, startedAt, files });
    },
  };
}

export default defineConfig({
  main: {
    resolve: { alias },
    plugins: [copyWorkers()],
    build: {
      rollupOptions: {
        input: {
          main: resolve(__dirname, 'electron/main/index.ts'),
          // The topic map's worker thread (started by path: electron/services/map/map-runner.ts).
          'map-worker': resolve(__dirname, 'electron/services/map/map-worker.ts'),
        },
      },
    },
  },
  preload: {
    resolve: { alias },
    build: {
      rollupOptions: {
        input: { preload: resolve(__dirname, 'electron/preload/index.ts') },
        // Sandboxed preloads cannot be ES modules.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    resolve: { alias },
    plugins: [react(), recordRendererSources()],
    build: {
      rollupOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } },
    },
  },
});
