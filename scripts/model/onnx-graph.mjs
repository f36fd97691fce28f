// The model.onnx of the bundled model (Gather plus dequantisation), written and read back with
// onnx-proto.
import { readFile } from 'node:fs/promises';
import { dequantizeRows, fromHalf, quantizeRows, toHalf } from './storage.mjs';

async function loadOnnx() {
  try {
    const mod = await import('onnx-proto');
    return (mod.default ?? mod).onnx;
  } catch {
    throw new Error(
      'onnx-proto is not installed (it is a devDependency): run `npm install` first.',
    );
  }
}

/**
 * ONNX graph: Gather(embeddings, input_ids) → last_hidden_state, plus the dequantisation for
 * compact storage: fp16 → Cast to float; int8 → Cast(Gather(q)) × Gather(row scales).
 */
export async function onnxBytes(matrix, vocab, dims, dtype) {
  const onnx = await loadOnnx();
  const T = onnx.TensorProto.DataType;
  // Typed arrays are little-endian on every platform Node supports, as ONNX raw_data requires.
  const bytes = (a) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
  const cast = (input, output) => ({
    name: `cast_${input}`,
    opType: 'Cast',
    input: [input],
    output: [output],
    attribute: [{ name: 'to', type: onnx.AttributeProto.AttributeType.INT, i: T.FLOAT }],
  });
  const gather = (table, output) => ({
    name: `gather_${table}`,
    opType: 'Gather',
    input: [table, 'input_ids'],
    output: [output],
  });
  let nodes;
  let initializer;
  if (dtype === 'int8') {
    const { q, scales } = quantizeRows(matrix, dims);
    nodes = [
      gather('embeddings', 'gathered'),
      cast('gathered', 'gathered_float'),
      gather('row_scales', 'gathered_scales'),
      {
        name: 'dequantize',
        opType: 'Mul',
        input: ['gathered_float', 'gathered_scales'],
        output: ['last_hidden_state'],
      },
    ];
    initializer = [
      { name: 'embeddings', dims: [vocab, dims], dataType: T.INT8, rawData: bytes(q) },
      { name: 'row_scales', dims: [vocab, 1], dataType: T.FLOAT, rawData: bytes(scales) },
    ];
  } else if (dtype === 'fp16') {
    const h = new Uint16Array(matrix.length);
    for (let i = 0; i < matrix.length; i++) h[i] = toHalf(matrix[i]);
    nodes = [gather('embeddings', 'gathered'), cast('gathered', 'last_hidden_state')];
    initializer = [
      { name: 'embeddings', dims: [vocab, dims], dataType: T.FLOAT16, rawData: bytes(h) },
    ];
  } else {
    nodes = [gather('embeddings', 'last_hidden_state')];
    initializer = [
      { name: 'embeddings', dims: [vocab, dims], dataType: T.FLOAT, rawData: bytes(matrix) },
    ];
  }
  const valueInfo = (name, elemType, shape) => ({
    name,
    type: {
      tensorType: {
        elemType,
        shape: {
          dim: shape.map((s) => (typeof s === 'string' ? { dimParam: s } : { dimValue: s })),
        },
      },
    },
  });
  const model = {
    irVersion: 7,
    opsetImport: [{ domain: '', version: 13 }],
    producerName: 'quire-build-default-model',
    graph: {
      name: 'static_embeddings',
      node: nodes,
      initializer,
      // attention_mask / token_type_ids are not model inputs: transformers.js only feeds the
      // inputs a session declares, and mean pooling reads the mask from the tokenizer output.
      input: [valueInfo('input_ids', T.INT64, ['batch', 'sequence'])],
      output: [valueInfo('last_hidden_state', T.FLOAT, ['batch', 'sequence', dims])],
    },
  };
  return Buffer.from(onnx.ModelProto.encode(onnx.ModelProto.create(model)).finish());
}

/** Reads the embedding matrix back out of a model.onnx we wrote (for tests). */
export async function readOnnxMatrix(file) {
  const onnx = await loadOnnx();
  const m = onnx.ModelProto.decode(await readFile(file));
  const T = onnx.TensorProto.DataType;
  const init = m.graph.initializer.find((t) => t.name === 'embeddings');
  const [rows, dims] = init.dims.map(Number);
  const copy = (raw) => raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.byteLength);
  let matrix;
  if (init.dataType === T.INT8) {
    const scales = m.graph.initializer.find((t) => t.name === 'row_scales');
    matrix = dequantizeRows(
      new Int8Array(copy(init.rawData)),
      new Float32Array(copy(scales.rawData)),
      dims,
    );
  } else if (init.dataType === T.FLOAT16) {
    const h = new Uint16Array(copy(init.rawData));
    matrix = new Float32Array(h.length);
    for (let i = 0; i < h.length; i++) matrix[i] = fromHalf(h[i]);
  } else matrix = new Float32Array(copy(init.rawData));
  return { matrix, rows, dims };
}
