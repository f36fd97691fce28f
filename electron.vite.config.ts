// electron-vite: one build per process, with Quire's folder roots.
import { copyFileSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

/** Worker-thread scripts are plain ESM files started by path, so they are copied, not bundled. */
const WORKERS = [
  'electron/services/embedding/embed-worker.mjs',
  'electron/services/notebooks/sandbox/sandbox-worker.mjs',
];

function copyWorkers() {
  return {
    name: 'quire-copy-workers',
    closeBundle() {
      const out = resolve(__dirname, 'out/main');
      mkdirSync(out, { recursive: true });
      for (const w of WORKERS)
        copyFileSync(resolve(__dirname, w), resolve(out, w.split('/').pop()!));
    },
  };
}

export default defineConfig({
  main: {
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
    plugins: [react()],
    build: {
      rollupOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } },
    },
  },
});
