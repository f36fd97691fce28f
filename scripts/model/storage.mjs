// Compact storage of the matrix: fp16 bits and int8 rows with one fp32 scale each, and back.

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/** float32 → IEEE half bits, round to nearest even (values here are far from overflow). */
export function toHalf(x) {
  f32[0] = x;
  const b = u32[0];
  const sign = (b >>> 16) & 0x8000;
  const exp = (b >>> 23) & 0xff;
  let mant = b & 0x7fffff;
  if (exp === 0xff) return sign | 0x7c00 | (mant ? 0x200 : 0);
  let e = exp - 127 + 15;
  if (e >= 0x1f) return sign | 0x7c00;
  if (e <= 0) {
    if (e < -10) return sign;
    mant |= 0x800000;
    const shift = 14 - e;
    const half = 1 << (shift - 1);
    let m = mant >>> shift;
    const rest = mant & ((1 << shift) - 1);
    if (rest > half || (rest === half && m & 1)) m++;
    return sign | m;
  }
  let m = mant >>> 13;
  const rest = mant & 0x1fff;
  if (rest > 0x1000 || (rest === 0x1000 && m & 1)) {
    m++;
    if (m === 0x400) {
      m = 0;
      e++;
      if (e >= 0x1f) return sign | 0x7c00;
    }
  }
  return sign | (e << 10) | m;
}

export function fromHalf(h) {
  const sign = h & 0x8000 ? -1 : 1;
  const e = (h >>> 10) & 0x1f;
  const m = h & 0x3ff;
  if (e === 0) return sign * m * 2 ** -24;
  if (e === 0x1f) return m ? NaN : sign * Infinity;
  return sign * (1 + m / 1024) * 2 ** (e - 15);
}

/**
 * int8 with one fp32 scale per row (symmetric, scale = max|x| / 127): ≈ 1 byte per value, and the
 * graph dequantises with Cast + Mul, so the model computes exactly fround(q × scale).
 */
export function quantizeRows(matrix, dims) {
  const rows = matrix.length / dims;
  const q = new Int8Array(matrix.length);
  const scales = new Float32Array(rows);
  for (let r = 0; r < rows; r++) {
    let max = 0;
    for (let d = 0; d < dims; d++) max = Math.max(max, Math.abs(matrix[r * dims + d]));
    const scale = Math.fround(max / 127);
    scales[r] = scale;
    if (scale === 0) continue;
    for (let d = 0; d < dims; d++) {
      const v = Math.round(matrix[r * dims + d] / scale);
      q[r * dims + d] = Math.max(-127, Math.min(127, v));
    }
  }
  return { q, scales };
}

export function dequantizeRows(q, scales, dims) {
  const out = new Float32Array(q.length);
  for (let i = 0; i < q.length; i++) out[i] = q[i] * scales[Math.floor(i / dims)];
  return out;
}

/** The matrix the shipped model will actually compute with (storage rounding applied). */
export function storedMatrix(matrix, dtype, dims = 100) {
  if (dtype === 'int8') {
    const { q, scales } = quantizeRows(matrix, dims);
    return dequantizeRows(q, scales, dims);
  }
  if (dtype !== 'fp16') return matrix;
  const out = new Float32Array(matrix.length);
  for (let i = 0; i < matrix.length; i++) out[i] = fromHalf(toHalf(matrix[i]));
  return out;
}
