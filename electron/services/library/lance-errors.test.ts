// LanceDB's messages become plain ones: the text below is what a second `quire import` printed before
// the write lock existed (two CLI imports into one library).
import { describe, expect, it } from 'vitest';
import { QuireError } from '@shared/api/errors';
import { fromLanceError, plainLanceMessage } from './lance-errors';

const CONFLICT =
  'lance error: Retryable commit conflict for version 13: This Rewrite transaction was preempted by concurrent transaction Rewrite at version 13. Please retry., /usr/local/cargo/registry/src/index.crates.io-1949cf8c6b5b557f/lance-8.0.0/src/io/commit/conflict_resolver.rs:692:34  Caused by: Retryable commit conflict for version 13';

describe('LanceDB errors', () => {
  it('turns a commit conflict into a one-line "try again" without internals', () => {
    const e = fromLanceError(new Error(CONFLICT), 'importing papers');
    expect(e).toBeInstanceOf(QuireError);
    expect((e as QuireError).code).toBe('unavailable');
    expect((e as QuireError).message).toBe(
      'Another program changed the library at the same moment while importing papers; nothing from this step was saved. Try again.',
    );
  });

  it('keeps the first sentence of other LanceDB errors, without source paths', () => {
    const msg =
      'lance error: Not found: /tmp/lib/lancedb/papers.lance/_versions/9.manifest, /home/runner/lance/rust/lance-table/src/io/commit.rs:120:5';
    expect(plainLanceMessage(msg)).toBe(
      'Not found: /tmp/lib/lancedb/papers.lance/_versions/9.manifest',
    );
    const e = fromLanceError(new Error(msg), 'searching') as QuireError;
    expect(e.code).toBe('internal');
    expect(e.message).not.toMatch(/\.rs:|lance error/);
  });

  it('passes our own errors and ordinary errors through', () => {
    const q = new QuireError('not_found', 'No paper with id "x".');
    expect(fromLanceError(q, 'saving a paper')).toBe(q);
    const plain = new Error('ENOSPC: no space left on device');
    expect(fromLanceError(plain, 'saving a paper')).toBe(plain);
  });
});
