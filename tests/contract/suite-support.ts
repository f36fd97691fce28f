// What the contract suite's per-feature case files share: sample papers, an expected-failure helper,
// and the recording client that lets the suite check it called every contract method.
import { expect } from 'vitest';
import type { Api } from '@shared/api/client';
import type { MethodName } from '@shared/api/contract';
import { QuireError } from '@shared/api/errors';

/** `n` JSON Lines papers titled `<prefix> i: on the scaling of graphs|experts|laws`, years 2000+. */
export const jsonl = (n: number, prefix = 'Paper') =>
  Array.from({ length: n }, (_, i) =>
    JSON.stringify({
      title: `${prefix} ${i}: on the scaling of ${['graphs', 'experts', 'laws'][i % 3]}`,
      abstract: `Abstract ${i}. We study things at scale ${i}.`,
      authors: [`Ada Lovelace ${i % 7}`],
      year: 2000 + (i % 25),
    }),
  ).join('\n');

/** The QuireError a call fails with (the test fails if the call succeeds). */
export async function rejection(p: Promise<unknown>): Promise<QuireError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(QuireError);
    return err as QuireError;
  }
  throw new Error('expected the call to fail');
}

/**
 * A client that exists before the transport does (cases are declared before `beforeAll` connects
 * it) and records every method it was asked to call, failed calls included.
 */
export function recordingClient(): {
  api: Api;
  connect(real: Api): void;
  called: ReadonlySet<MethodName>;
} {
  let real: Api | null = null;
  const called = new Set<MethodName>();
  const api: Api = {
    call(method, input, opts) {
      called.add(method);
      if (!real) throw new Error('the contract suite called a method before its setup finished');
      return real.call(method, input, opts);
    },
  };
  return { api, connect: (r) => (real = r), called };
}
