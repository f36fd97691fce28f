// Embedding worker thread: runs transformers.js feature-extraction pipelines on onnxruntime-node, off
// the thread that answers the UI. One worker per process hosts every loaded model, because
// onnxruntime-node's native addon can be registered by only one thread per process. Plain ESM
// JavaScript so Node, tsx, vitest and the Electron bundle can all start it as is. Protocol: embedder.ts.
// It also hosts the LLM's text-generation models (`lm-*`, `yesno`, `generate`), for the same reason.
import { parentPort } from 'node:worker_threads';
import {
  AutoModelForCausalLM,
  AutoTokenizer,
  env,
  pipeline,
  Tensor,
} from '@huggingface/transformers';

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

/** key → Promise<{tokenizer, model, yes: number[], no: number[]}>: causal LMs for yes/no scoring. */
const lms = new Map();

/** The first token of each spelling (" yes", " Yes"…): the answer's first step is what we score. */
function answerTokens(tokenizer, words) {
  const ids = new Set();
  for (const w of words) {
    const t = tokenizer.encode(w, { add_special_tokens: false })[0];
    if (t !== undefined && t !== tokenizer.model.unk_token_id) ids.add(t);
  }
  return [...ids];
}

function loadLm({ key, localModelPath, modelId, dtype }) {
  let p = lms.get(key);
  if (!p) {
    p = loading.then(async () => {
      env.localModelPath = localModelPath.endsWith('/') ? localModelPath : `${localModelPath}/`;
      const opts = { local_files_only: true };
      const tokenizer = await AutoTokenizer.from_pretrained(modelId, opts);
      const model = await AutoModelForCausalLM.from_pretrained(modelId, { ...opts, dtype });
      const yes = answerTokens(tokenizer, [' yes', ' Yes', 'yes', 'Yes']);
      const no = answerTokens(tokenizer, [' no', ' No', 'no', 'No']);
      if (yes.length === 0 || no.length === 0) {
        await model.dispose?.();
        throw new Error(`the tokenizer of ${modelId} has no "yes"/"no" tokens to score`);
      }
      return { tokenizer, model, yes, no };
    });
    loading = p.catch(() => undefined);
    lms.set(key, p);
    p.catch(() => lms.delete(key));
  }
  return p;
}

const logSumExp = (xs) => {
  const m = Math.max(...xs);
  return m + Math.log(xs.reduce((s, x) => s + Math.exp(x - m), 0));
};

/** P(yes) / (P(yes) + P(no)) for the next token, from a position's logits. */
function pYes(lm, logits, row) {
  const vocab = logits.dims.at(-1);
  const last = logits.data.subarray(row * vocab, (row + 1) * vocab);
  const y = logSumExp(lm.yes.map((t) => last[t]));
  const n = logSumExp(lm.no.map((t) => last[t]));
  return 1 / (1 + Math.exp(n - y));
}

/**
 * P(yes) after `prefix + question` for each question. The prefix (the paper) is run once and its
 * key/value cache reused for every question, so a question costs its own few tokens, not the
 * paper's hundreds; a model without a cache (no present.* outputs) runs each prompt whole.
 */
async function yesNo(lm, prefix, questions) {
  const out = new Float32Array(questions.length);
  const pre = lm.tokenizer(prefix);
  const first = await lm.model(pre);
  const hasCache = Object.keys(first).some((k) => k.startsWith('present'));
  const past = hasCache ? lm.model.getPastKeyValues(first, null) : null;
  const prefixLength = pre.input_ids.dims[1];
  for (let i = 0; i < questions.length; i++) {
    if (!past) {
      const { logits } = await lm.model(lm.tokenizer(prefix + questions[i]));
      out[i] = pYes(lm, logits, logits.dims[1] - 1);
      continue;
    }
    const q = lm.tokenizer(questions[i], { add_special_tokens: false });
    const steps = q.input_ids.dims[1];
    const total = prefixLength + steps;
    const attention_mask = new Tensor('int64', new BigInt64Array(total).fill(1n), [1, total]);
    const { logits } = await lm.model({
      input_ids: q.input_ids,
      attention_mask,
      past_key_values: past,
    });
    out[i] = pYes(lm, logits, steps - 1);
  }
  return out;
}

/**
 * Greedy continuation of `prompt`, at most `maxNewTokens` tokens, decoded without special tokens
 * (cluster naming: a few words). Greedy so the same inputs give the same name.
 */
async function generate(lm, prompt, maxNewTokens) {
  const inputs = lm.tokenizer(prompt);
  const out = await lm.model.generate({
    ...inputs,
    max_new_tokens: maxNewTokens,
    do_sample: false,
  });
  const promptLength = inputs.input_ids.dims[1];
  const ids = Array.from(out.tolist()[0]).slice(promptLength);
  return lm.tokenizer.decode(ids, { skip_special_tokens: true });
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
    } else if (msg.type === 'lm-load') {
      await loadLm(msg);
      reply({ type: 'loaded', id: msg.id });
    } else if (msg.type === 'lm-unload') {
      const p = lms.get(msg.key);
      lms.delete(msg.key);
      if (p) await (await p).model.dispose?.();
      reply({ type: 'unloaded', id: msg.id });
    } else if (msg.type === 'yesno') {
      const data = await yesNo(await loadLm(msg), msg.prefix, msg.questions);
      reply({ type: 'scores', id: msg.id, data }, [data.buffer]);
    } else if (msg.type === 'generate') {
      const text = await generate(await loadLm(msg), msg.prompt, msg.maxNewTokens);
      reply({ type: 'text', id: msg.id, text });
    }
  } catch (err) {
    failure(msg.id, err);
  }
});
