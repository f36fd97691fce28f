// The sandbox under Electron's utilityProcess: `electron` is replaced by a stand-in whose fork runs
// the real sandbox-process.mjs in a Node child with a `process.parentPort` (no Electron binary here),
// so the launcher's wiring and the script's parentPort channel are both exercised for real.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { forks } from '../../tests/support/fake-utility-process';
import { runJavaScriptInNode } from '../services/notebooks/sandbox/node-runner';
import { utilityLauncher } from './utility-launcher';

vi.mock('electron', () => import('../../tests/support/fake-utility-process'));

const env = { tables: {}, outputs: {} };

describe('notebook sandbox in an Electron utility process', () => {
  it('runs a cell over parentPort, with an empty environment', async () => {
    const outputs = await runJavaScriptInNode(
      'console.log("sum", 1 + 2);',
      env,
      {},
      utilityLauncher,
    );
    expect(forks).toHaveLength(1);
    expect(forks[0]?.script).toBe(
      join(
        dirname(fileURLToPath(import.meta.url)),
        '../services/notebooks/sandbox/sandbox-process.mjs',
      ),
    );
    expect(forks[0]?.options).toMatchObject({ env: {}, stdio: 'ignore' });
    expect(outputs).toContainEqual(expect.objectContaining({ kind: 'console', text: 'sum 3' }));
  });

  it('a runaway cell is stopped at its time limit', async () => {
    const outputs = await runJavaScriptInNode(
      'while (true) {}',
      env,
      { timeoutMs: 1000 },
      utilityLauncher,
    );
    expect(outputs.at(-1)).toMatchObject({ kind: 'error', name: 'Timeout' });
  });
});
