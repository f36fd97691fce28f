// Shared setup of the ModelStore tests: tiny models served by a real local HTTP hub
// (tests/support/fake-hub), a fresh store per case, a progress context and a failure catcher.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import type { Progress } from '@shared/api/contract';
import { QuireError } from '@shared/api/errors';
import { startFakeHub, type FakeHub } from '../../../tests/support/fake-hub';
import { writeTinyModel, type TinyModel } from '../../../tests/support/tiny-model';
import { ModelStore, type ModelStoreOptions } from './model-store';

export const root = mkdtempSync(join(tmpdir(), 'quire-models-'));
export const ID = 'test-org/tiny-embed';
// Live bindings: assigned by the hooks useModelStoreFixture registers, read by the test files.
export let tiny: TinyModel;
export let hub: FakeHub;
export let bundledRoot: string;
let caseNo = 0;

/** Registers the hooks of a test file: models and hub once per file, hub knobs reset per case. */
export function useModelStoreFixture(): void {
  beforeAll(async () => {
    // ~5000 words × 16 dims ≈ 320 KB of weights: big enough to cut a transfer in the middle.
    tiny = await writeTinyModel(join(root, 'src', ID), { vocabSize: 5000, dims: 16 });
    await writeTinyModel(join(root, 'src', 'test-org/quant-only'), {
      dims: 4,
      weights: ['quantized'],
    });
    bundledRoot = join(root, 'bundled');
    await writeTinyModel(join(bundledRoot, 'quire-tiny-bundled'), { dims: 8 });
    hub = await startFakeHub({
      [ID]: join(root, 'src', ID),
      'test-org/quant-only': join(root, 'src', 'test-org/quant-only'),
    });
  });
  afterAll(async () => {
    await hub?.close();
    rmSync(root, { recursive: true, force: true });
  });
  afterEach(() => {
    hub.knobs = {};
    hub.requests.length = 0;
  });
}

/** A store with a fresh download folder. */
export function store(opts: Partial<ModelStoreOptions> = {}): ModelStore {
  return new ModelStore({
    bundledRoot,
    downloadRoot: join(root, `lib${++caseNo}`, 'models'),
    hubUrl: hub.url,
    ...opts,
  });
}

export function ctx(signal = new AbortController().signal) {
  const events: Progress[] = [];
  return { events, signal, onProgress: (p: Progress) => void events.push(p) };
}

export async function failure(p: Promise<unknown>): Promise<QuireError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(QuireError);
    return err as QuireError;
  }
  throw new Error('expected a failure');
}

export const onnxSize = () => statSync(join(root, 'src', ID, 'onnx/model.onnx')).size;
