// Sandbox: escape attempts fail with errors and reach nothing of Node; runaway loops and memory
// bombs are stopped; the API (table, output, fit, search, console) works by message round-trip.
import { describe, expect, it } from 'vitest';
import type { CellOutput } from '@shared/notebook/model';
import type { SandboxEnv } from '@shared/notebook/sandbox/protocol';
import { runJavaScriptInNode } from './node-runner';

const env: SandboxEnv = {
  tables: {
    runs: {
      columns: ['x', 'y'],
      rows: [
        { x: 1, y: 2 },
        { x: 2, y: 4 },
      ],
    },
  },
  outputs: { prev: 42 },
};
const run = (src: string, timeoutMs = 5_000) =>
  runJavaScriptInNode(src, env, {
    timeoutMs,
    host: {
      search: (q) => [{ id: 'p1', title: `hit for ${String(q)}` }],
      fit: () => ({ status: 'converged' }),
    },
  });
const errorOf = (out: CellOutput[]) => out.find((o) => o.kind === 'error');

describe('sandbox API', () => {
  it('returns values as tables, text or JSON, with console lines', async () => {
    const out = await run(
      "console.log('n', table('runs').length); return table('runs').map(r => ({ x: r.x, y2: r.y * 2 }))",
    );
    expect(out).toEqual([
      { kind: 'console', level: 'log', text: 'n 2' },
      {
        kind: 'table',
        columns: ['x', 'y2'],
        rows: [
          [1, 4],
          [2, 8],
        ],
      },
    ]);
    expect(await run('return output("prev") + 1')).toEqual([{ kind: 'json', value: 43 }]);
    expect(await run("return 'hi'")).toEqual([{ kind: 'text', text: 'hi' }]);
    expect(await run("const r = await search('scaling'); return r[0].title")).toEqual([
      { kind: 'text', text: 'hit for scaling' },
    ]);
    expect(await run("return (await fit('power-law', {x:[1,2], y:[1,2]})).status")).toEqual([
      { kind: 'text', text: 'converged' },
    ]);
    expect(errorOf(await run('await papers()'))?.message).toMatch(/papers\(\) is not available/);
    expect(errorOf(await run("table('nope')"))?.message).toMatch(/no table "nope"/);
  });
});

describe('sandbox error locations', () => {
  it('stack traces and syntax errors show cell positions only, never a host path', async () => {
    expect(await run("function f() { return new Error('boom').stack }\nreturn f()")).toEqual([
      { kind: 'text', text: 'Error: boom\n    at f (cell:1:23)\n    at cell:2:8' },
    ]);
    const [asyncStack] = await run('await null; try { null.x } catch (e) { return e.stack }');
    expect(asyncStack).toEqual({
      kind: 'text',
      text: "TypeError: Cannot read properties of null (reading 'x')\n    at cell:1:24",
    });
    expect(errorOf(await run('let a = 1\nlet b = ;'))?.message).toBe('Unexpected token (cell:2:9)');
  });
});

describe('sandbox escapes', () => {
  const attempts: Record<string, [string, RegExp]> = {
    require: ["return require('fs')", /require is not defined/],
    process: ['return process.env', /process is not defined/],
    fetch: ["return fetch('https://example.com')", /fetch is not defined/],
    XMLHttpRequest: ['return new XMLHttpRequest()', /XMLHttpRequest is not defined/],
    WebSocket: ["return new WebSocket('ws://x')", /WebSocket is not defined/],
    'dynamic import': ["return await import('node:fs')", /import\(\) is not available/],
    'import in catch': [
      "try { await import('fs') } catch (e) { return e.constructor.constructor('return process')().pid }",
      /import\(\) is not available/,
    ],
    'import.meta': ['return import.meta.url', /import\.meta/],
    'this.constructor.constructor': [
      "return this.constructor.constructor('return process')()",
      /Cannot read properties of undefined/,
    ],
    '({}).constructor.constructor': [
      "return ({}).constructor.constructor('return process')()",
      /Code generation from strings disallowed/,
    ],
    "Function('return this')": [
      "return Function('return this')()",
      /Code generation from strings disallowed/,
    ],
    eval: ["return eval('1')", /Code generation from strings disallowed/],
    'async Function constructor': [
      "return (async () => {}).constructor('return process')()",
      /Code generation from strings disallowed/,
    ],
    prepareStackTrace: [
      "Error.prepareStackTrace = (e, s) => s.map(c => c.getThis()); return new Error('x').stack",
      /not extensible|read only/,
    ],
    'prototype pollution': [
      'Object.prototype.polluted = 1; return ({}).polluted',
      /not extensible/,
    ],
    '__proto__ pollution': [
      "({}).__proto__.toString = () => 'pwned'; return 1",
      /read only|not extensible/,
    ],
    WebAssembly: [
      'return WebAssembly.compile(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]))',
      /WebAssembly is not defined/,
    ],
    'globalThis rebinding': [
      'globalThis.Error = function () {}; return 1',
      /not extensible|read only/,
    ],
    'host error from a channel': [
      "console.log({ toJSON() { throw new Error('boom') } }); return 'still fine'",
      /^$/,
    ],
  };
  for (const [name, [src, expected]] of Object.entries(attempts)) {
    it(`${name} fails inside the sandbox`, async () => {
      const out = await run(src);
      const err = errorOf(out);
      if (expected.source === '^$') {
        expect(err).toBeUndefined();
        return;
      }
      expect(err, JSON.stringify(out)).toBeDefined();
      expect(err?.message).toMatch(expected);
      // Nothing that came back is a pid, an env or a module.
      expect(JSON.stringify(out)).not.toMatch(/"value":\d{2,}|PATH|"kind":"json","value":\{/);
    });
  }

  it('leaves the host realm unpolluted', async () => {
    await run('try { Object.prototype.polluted = 1 } catch {} return 1');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('sandbox limits', () => {
  it('stops while(true){} at its 5 s limit with a clear message', async () => {
    const out = await run('while (true) {}');
    expect(errorOf(out)).toEqual({
      kind: 'error',
      name: 'Timeout',
      message: 'Stopped after 5 s: the cell did not finish (infinite loop?)',
    });
  });

  it('stops an async runaway loop too', async () => {
    const out = await run('for (;;) await null;', 1_000);
    expect(errorOf(out)?.name).toBe('Timeout');
  });

  it('stops a memory bomb with the heap guard', async () => {
    const out = await runJavaScriptInNode(
      'const a = []; for (;;) a.push(new Array(1e6).fill(1.5));',
      env,
      { memoryMb: 64, timeoutMs: 20_000 },
    );
    expect(errorOf(out)).toEqual({
      kind: 'error',
      name: 'MemoryLimit',
      message: 'Stopped: the cell ran out of memory (limit 64 MB, typed arrays included).',
    });
  });

  it('a V8 fatal out-of-memory ends the cell, not the host process', async () => {
    // In a worker thread of this process, this aborted the whole process (exit 134).
    const out = await runJavaScriptInNode('new Array(1.5e8).fill(1.5); return 1', env, {
      timeoutMs: 60_000,
    });
    expect(errorOf(out)?.name).toBe('MemoryLimit');
    expect(errorOf(out)?.message).toMatch(/ran out of memory \(limit 128 MB/);
    // Still here, and the next cell runs.
    expect(await run('return 1 + 1')).toEqual([{ kind: 'json', value: 2 }]);
  });

  it('counts ArrayBuffer memory against the limit', async () => {
    // 4 × 100 MB of filled Uint8Arrays against a 128 MB limit (which V8's heap limit ignores).
    const out = await runJavaScriptInNode(
      'const keep = []; for (let i = 0; i < 4; i++) keep.push(new Uint8Array(1e8).fill(1)); return keep.length',
      env,
      { memoryMb: 128, timeoutMs: 60_000 },
    );
    expect(errorOf(out)).toEqual({
      kind: 'error',
      name: 'MemoryLimit',
      message: 'Stopped: the cell ran out of memory (limit 128 MB, typed arrays included).',
    });
  });

  it('a flood of host calls is bounded: past 1,000 waiting, calls are refused at once', async () => {
    // 20k search() calls at 1 ms each: before, every one was answered (20 s holding the host).
    let answered = 0;
    const out = await runJavaScriptInNode(
      "const all = []; for (let i = 0; i < 20000; i++) all.push(search('x').then(() => 'ok', (e) => e.message)); const r = await Promise.all(all); return { ok: r.filter((x) => x === 'ok').length, refused: r.filter((x) => /more than 1000 host calls are waiting/.test(x)).length }",
      env,
      {
        timeoutMs: 120_000,
        host: {
          search: () => {
            answered++;
            const t = performance.now();
            while (performance.now() - t < 1);
            return [];
          },
        },
      },
    );
    const value = (out[0] as { kind: 'json'; value: { ok: number; refused: number } }).value;
    expect(value.ok + value.refused).toBe(20_000);
    expect(value.refused).toBeGreaterThan(0);
    expect(value.ok).toBe(answered);
  }, 150_000);

  it('a flood of host calls is answered one at a time and none after the run settled', async () => {
    // 200k search() calls at 1 ms each: answered all at once (as before), they held the host for
    // 200 s past the 1 s limit; now the limit fires and the rest are never answered.
    let settled = false;
    let answered = 0;
    let late = 0;
    const busy = () => {
      const t = performance.now();
      while (performance.now() - t < 1);
    };
    const out = await runJavaScriptInNode(
      "const all = []; for (let i = 0; i < 200000; i++) all.push(search('x').catch((e) => e.message)); return (await Promise.all(all)).length",
      env,
      {
        timeoutMs: 1_000,
        host: {
          search: () => {
            if (settled) late++;
            answered++;
            busy();
            return [];
          },
        },
      },
    ).finally(() => (settled = true));
    expect(errorOf(out)?.name).toBe('Timeout');
    expect(answered).toBeLessThan(200_000);
    // Whatever was still queued is dropped with the run.
    await new Promise((r) => setTimeout(r, 200));
    expect(late).toBe(0);
  }, 60_000);

  it('stops when cancelled', async () => {
    const abort = new AbortController();
    setTimeout(() => abort.abort(), 200);
    await expect(
      runJavaScriptInNode('while (true) {}', env, { signal: abort.signal }),
    ).rejects.toThrow(/Cancelled/);
  });
});
