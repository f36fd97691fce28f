// Embedding worker thread: runs a transformers.js feature-extraction pipeline on onnxruntime-node,
// off the thread that answers the UI. Plain ESM JavaScript so Node, tsx, vitest and the Electron
// bundle can all start it as is. Protocol: see embedder.ts.
import { parentPort, workerData } from 'node:worker_threads';
import { env, pipeline } from '@huggingface/transformers';

const { localModelPath, modelId, dtype, cacheDir } = workerData;
// Nothing leaves the machine: models come from local folders only (downloads are the model store's job).
env.allowRemoteModels = false;
env.allowLocalModels = true;
env.localModelPath = localModelPath.endsWith('/') ? localModelPath : `${localModelPath}/`;
if (cacheDir) env.cacheDir = cacheDir;

let extractorPromise;
function extractor() {
  extractorPromise ??= pipeline('feature-extraction', modelId, { dtype, local_files_only: true });
  return extractorPromise;
}

parentPort.on('message', async (msg) => {
  if (msg.type === 'load') {
    try {
      await extractor();
      parentPort.postMessage({ type: 'loaded', id: msg.id });
    } catch (err) {
      parentPort.postMessage({ type: 'error', id: msg.id, message: String(err?.message ?? err) });
    }
    return;
  }
  if (msg.type !== 'embed') return;
  try {
    const run = await extractor();
    // Empty strings tokenise to nothing and make some models fail: embed a single space instead.
    const texts = msg.texts.map((t) => (t.trim() ? t : ' '));
    const out = await run(texts, { pooling: 'mean', normalize: true });
    const data = out.data instanceof Float32Array ? out.data : Float32Array.from(out.data);
    const dims = out.dims[out.dims.length - 1];
    parentPort.postMessage({ type: 'vectors', id: msg.id, dims, data }, [data.buffer]);
  } catch (err) {
    parentPort.postMessage({ type: 'error', id: msg.id, message: String(err?.message ?? err) });
  }
});
