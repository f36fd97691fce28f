// The tiny decoder builder: the same options give the same bytes, and the folder loads offline in
// transformers.js 3.8.1 as a GPT-2 causal LM whose cached generation (past_key_values → present.*)
// agrees with full forward passes — the layout a real ONNX decoder has, in a few KB.
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AutoModelForCausalLM, AutoTokenizer, env, Tensor } from '@huggingface/transformers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeTinyDecoder } from './tiny-decoder.mjs';

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'quire-tiny-decoder-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('tiny decoder', () => {
  it('is deterministic and small', async () => {
    const a = await writeTinyDecoder(join(tmp, 'a', 't', 'd'));
    const b = await writeTinyDecoder(join(tmp, 'b', 't', 'd'));
    for (const f of ['onnx/model.onnx', 'tokenizer.json', 'config.json'])
      expect(await readFile(join(a.dir, f))).toEqual(await readFile(join(b.dir, f)));
    expect((await readFile(join(a.dir, 'onnx/model.onnx'))).length).toBeLessThan(100_000);
  });

  it(
    'loads offline as a causal LM; cached generation matches full forward passes',
    { timeout: 120_000 },
    async () => {
      await writeTinyDecoder(join(tmp, 'models', 'quire-test', 'tiny-decoder'));
      env.allowRemoteModels = false;
      env.localModelPath = join(tmp, 'models') + '/';
      const opts = { local_files_only: true };
      const tokenizer = await AutoTokenizer.from_pretrained('quire-test/tiny-decoder', opts);
      const model = await AutoModelForCausalLM.from_pretrained('quire-test/tiny-decoder', {
        ...opts,
        dtype: 'fp32',
      });
      const inputs = tokenizer('Paper: graph neural networks. Is this paper about graph? Answer:');
      const generated = (await model.generate({
        ...inputs,
        max_new_tokens: 4,
        do_sample: false,
      })) as Tensor;
      const cached = Array.from(generated.data as BigInt64Array, Number);

      // Greedy decoding again, with a full forward pass (no cache) per step.
      const ids = Array.from(inputs.input_ids.data as BigInt64Array, Number);
      for (let step = 0; step < 4; step++) {
        const t = new Tensor('int64', BigInt64Array.from(ids.map(BigInt)), [1, ids.length]);
        const mask = new Tensor('int64', new BigInt64Array(ids.length).fill(1n), [1, ids.length]);
        const { logits } = (await model({ input_ids: t, attention_mask: mask })) as {
          logits: Tensor;
        };
        const v = logits.dims[2]!;
        const last = (logits.data as Float32Array).subarray((ids.length - 1) * v, ids.length * v);
        ids.push(last.indexOf(Math.max(...last)));
      }
      expect(cached).toEqual(ids);
      await model.dispose();
    },
  );
});
