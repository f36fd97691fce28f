// packIds / unpackIds: any list of non-negative integers comes back as it went in, order kept, and a
// small number takes one character.
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '@shared/random';
import { packIds, unpackIds } from './packed-ids';

describe('packed ids', () => {
  it('round-trips numbers of every size, in their order', () => {
    const ids = [
      0,
      1,
      127,
      128,
      300,
      16_383,
      16_384,
      2_097_151,
      2_097_152,
      2 ** 31,
      2 ** 32 - 1,
      5,
    ];
    expect(unpackIds(packIds(ids))).toEqual(ids);
    expect(unpackIds(packIds([]))).toEqual([]);
  });

  it('round-trips long random lists', () => {
    const r = mulberry32(7);
    const ids = Array.from({ length: 20_000 }, () => Math.floor(r() * 200_000));
    expect(unpackIds(packIds(ids))).toEqual(ids);
  });

  it('takes one character below 128, two below 16,384, three below 2,097,152', () => {
    expect(packIds([5, 127]).length).toBe(2);
    expect(packIds([128, 16_383]).length).toBe(4);
    expect(packIds([16_384]).length).toBe(3);
  });
});
