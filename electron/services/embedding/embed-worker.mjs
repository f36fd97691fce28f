// Embedding worker thread: runs transformers.js feature-extraction pipelines on onnxruntime-node, off
// the thread that answers the UI. One worker per process hosts every loaded model, because
// onnxruntime-node's native addon can be registered by only one thread per process. Plain ESM
// JavaScript so Node, tsx, vitest and the Electron bundle can all start it as is. Protocol: embedder.ts.
import { parentPort } from 'node:worker_threads';
import { env, pipeline } from '@huggingface/transformers';

// Nothing leaves the machine: models come from local folders only (downloads are the model store's job).
env.allowRemoteModels = false;
env.allowLocalModels = true;

/** key → Promise<pipeline> */
const models = new Map();
/** Loads are serialised: env.localModelPath is global, and each load must see its own. */
let loading = Promise.resolve();

function load({ key, localModelPath, modelId, dtype }) {
  let p = models.get(key);
  if (!p) {
    p = loading.then(() => {
      env.localModelPath = localModelPath.endsWith('/') ? localModelPath : `${localModelPath}/`;
      return pipeline('feature-extraction', modelId, { dtype, local_files_only: true });
    });
    loading = p.catch(() => undefined);
    models.set(key, p);
    p.catch(() => models.delete(key));
  }
  return p;
}

const reply = (msg, transfer) => parentPort.postMessage(msg, transfer);
const failure = (id, err) => reply({ type: 'error', id, message: String(err?.message ?? err) });

parentPort.on('message', async (msg) => {
  try {
    if (msg.type === 'load') {
      await load(msg);
      reply({ type: 'loaded', id: msg.id });
    } else if (msg.type === 'unload') {
      const p = models.get(msg.key);
      models.delete(msg.key);
      if (p) await (await p).dispose?.();
      reply({ type: 'unloaded', id: msg.id });
    } else if (msg.type === 'embed') {
      const run = await load(msg);
      // Empty strings tokenise to nothing and make some models fail: embed a single space instead.
      const texts = msg.texts.map((t) => (t.trim() ? t : ' '));
      const out = await run(texts, { pooling: 'mean', normalize: true });
      const data = out.data instanceof Float32Array ? out.data : Float32Array.from(out.data);
      const dims = out.dims[out.dims.length - 1];
      reply({ type: 'vectors', id: msg.id, dims, data }, [data.buffer]);
    }
  } catch (err) {
    failure(msg.id, err);
  }
});
