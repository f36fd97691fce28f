// The embedding worker survives closing every model: onnxruntime-node registers once per process, so
// a library opened after another was closed must reuse the same worker (regression test).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Embedder } from './embedder';

const MODELS = join(__dirname, '..', '..', '..', 'resources', 'models');

describe('Embedder', () => {
  it('embeds again after every model was closed', async () => {
    const model = { localModelPath: MODELS, id: 'quire-glove-100d', dtype: 'fp32' };
    const first = await Embedder.start(model);
    const [a] = await first.embed(['graph neural networks']);
    await first.close();
    const second = await Embedder.start(model);
    const [b] = await second.embed(['graph neural networks']);
    await second.close();
    expect(Array.from(b!)).toEqual(Array.from(a!));
  });

  it('gives the zero vector for a text with no known word', async () => {
    const e = await Embedder.start({
      localModelPath: MODELS,
      id: 'quire-glove-100d',
      dtype: 'fp32',
    });
    const [v] = await e.embed(['qqqzzzxxx']);
    await e.close();
    expect(v!.every((x) => x === 0)).toBe(true);
  });
});
