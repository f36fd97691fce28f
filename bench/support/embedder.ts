// The bundled embedding model started on its own, as the benchmarks embed their queries with it.
import { resolve } from 'node:path';
import { DEFAULT_MODEL } from '../../electron/services';
import { Embedder } from '../../electron/services/embedding/embedder';

const MODEL_DIR = resolve(import.meta.dirname, '..', '..', 'resources', 'models');

export function startBundledEmbedder(): Promise<Embedder> {
  return Embedder.start({ localModelPath: MODEL_DIR, id: DEFAULT_MODEL, dtype: 'fp32' });
}
