// Notebook sandbox worker (Node worker_threads): runs one JavaScript cell in a `vm` context that
// holds only JavaScript's intrinsics and the cell API built by the shared prelude
// (shared/notebook/sandbox/prelude.ts, passed in workerData), with code generation from strings
// and WebAssembly disabled. Plain ESM JavaScript so Node, tsx, vitest and the Electron bundle can
// start it as is. Protocol: shared/notebook/sandbox/protocol.ts. Why each step: SANDBOX.md.
import { parentPort, workerData } from 'node:worker_threads';
import vm from 'node:vm';
import { parse } from 'acorn';

// DONT_CONTEXTIFY (Node ≥ 20.18/22.8) gives an ordinary global with no interceptors onto an object
// of this realm; older Nodes fall back to a null-prototype object so `this.constructor` finds nothing of ours.
const context = vm.createContext(vm.constants?.DONT_CONTEXTIFY ?? Object.create(null), {
  name: 'quire-cell',
  codeGeneration: { strings: false, wasm: false },
});
const boot = new vm.Script(workerData.prelude, {
  filename: 'quire-sandbox-prelude.js',
}).runInContext(context);

const LEVELS = new Set(['log', 'info', 'warn', 'error']);
// The sandbox's only outlet. Takes strings, returns nothing, never throws: nothing of this realm
// (not even an Error) may reach the cell.
const sandbox = boot((kind, payload) => {
  try {
    if (typeof kind !== 'string' || typeof payload !== 'string') return;
    const parts = payload.split('\u0000');
    if (kind === 'console') {
      const level = LEVELS.has(parts[0]) ? parts[0] : 'log';
      parentPort.postMessage({ type: 'console', level, text: parts.slice(1).join('\u0000') });
    } else if (kind === 'call' && parts.length >= 3) {
      parentPort.postMessage({
        type: 'call',
        callId: parts[0],
        fn: parts[1],
        args: parts.slice(2).join('\u0000'),
      });
    }
  } catch {
    /* swallowed on purpose: see above */
  }
});

// Without --experimental-vm-modules, Node answers import() in a vm script with a TypeError made
// in THIS realm, whose constructor chain reaches a Function that can compile code (checked: the
// escape returned this worker's process.pid). So cells with import() are refused before they
// compile: acorn parses the code and any ImportExpression (or import.meta) is rejected.
function findImport(node) {
  const stack = [node];
  while (stack.length) {
    const n = stack.pop();
    if (!n || typeof n !== 'object') continue;
    if (n.type === 'ImportExpression' || (n.type === 'MetaProperty' && n.meta?.name === 'import'))
      return true;
    for (const v of Object.values(n)) if (v && typeof v === 'object') stack.push(v);
  }
  return false;
}

// Defence in depth: should any object of this realm still reach the cell, its constructor chain
// ends here instead of at a Function that compiles strings.
for (const f of [function () {}, async function () {}, function* () {}, async function* () {}]) {
  Object.defineProperty(Object.getPrototypeOf(f), 'constructor', { value: undefined });
}

function failure(name, message) {
  return JSON.stringify({ ok: false, name, message });
}

parentPort.on('message', async (msg) => {
  if (msg?.type === 'reply') {
    sandbox.deliver(String(msg.callId), Boolean(msg.ok), String(msg.value));
    return;
  }
  if (msg?.type !== 'run') return;
  let result;
  try {
    let ast;
    try {
      ast = parse(String(msg.source), { ecmaVersion: 'latest', sourceType: 'script' });
    } catch (err) {
      // acorn says "(line:column)" of the wrapped source (one line of wrapper first, 0-based
      // columns); the cell's author wants the cell's own position, as in stack traces.
      const where = err.loc ? ` (cell:${err.loc.line - 1}:${err.loc.column + 1})` : '';
      const text = String(err.message).replace(/ \(\d+:\d+\)$/, '') + where;
      parentPort.postMessage({ type: 'done', result: failure('SyntaxError', text) });
      return;
    }
    if (findImport(ast)) {
      parentPort.postMessage({
        type: 'done',
        result: failure('Error', 'import() is not available in notebook cells'),
      });
      return;
    }
    const script = new vm.Script(String(msg.source), {
      filename: 'cell.js',
      // import() would otherwise reject with an Error from this realm (whose Function constructor
      // can compile code); answer with an error made inside the sandbox instead.
      importModuleDynamically: () => {
        throw sandbox.makeError('import() is not available in notebook cells');
      },
    });
    const fn = script.runInContext(context);
    result = await sandbox.run(fn, String(msg.env));
  } catch (err) {
    const isSyntax = err instanceof SyntaxError;
    result = failure(
      isSyntax ? 'SyntaxError' : 'Error',
      isSyntax ? err.message : 'the cell could not start',
    );
  }
  parentPort.postMessage({
    type: 'done',
    result: typeof result === 'string' ? result : failure('Error', 'no result'),
  });
});
