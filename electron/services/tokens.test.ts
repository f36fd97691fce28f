// Tokens users type into the CLI never look like an option.
import { describe, expect, it } from 'vitest';
import { newToken } from './tokens';

describe('newToken', () => {
  it('never starts with "-" (1 in 64 base64url tokens did), in 5,000 draws', () => {
    const tokens = Array.from({ length: 5000 }, () => newToken());
    expect(tokens.filter((t) => t.startsWith('-'))).toEqual([]);
    expect(new Set(tokens).size).toBe(5000);
    expect(tokens.every((t) => /^[A-Za-z0-9_][A-Za-z0-9_-]{11}$/.test(t))).toBe(true);
  });
});
