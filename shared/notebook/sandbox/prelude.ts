// The code that runs first inside a sandbox realm (a Node `vm` context or a browser worker's own
// global): it removes ambient capabilities, freezes every reachable intrinsic, builds the small
// cell API (table, output, fit, search, papers, console) and returns the two entry points the
// worker shim uses. Kept as a plain JavaScript string, not a TS function, so no compiler helper
// (e.g. esbuild's __name) can leak into a realm where it is undefined. Its completion value is
// `boot(bridge)`; `bridge(kind, payload)` is the shim's only outlet and takes and gives strings only.
// Why each step: SANDBOX.md.
export const SANDBOX_PRELUDE = String.raw`
(function () {
  'use strict';
  var G = globalThis;
  var FORBIDDEN = ['WebAssembly', 'SharedArrayBuffer', 'Atomics', 'fetch', 'XMLHttpRequest', 'WebSocket',
    'EventSource', 'importScripts', 'postMessage', 'onmessage', 'close', 'self', 'navigator', 'location',
    'indexedDB', 'caches', 'BroadcastChannel', 'Worker', 'SharedWorker', 'FileReader', 'Request', 'Response',
    'Headers', 'process', 'require', 'module', 'exports', 'Buffer', 'global', 'console', 'setTimeout',
    'setInterval', 'setImmediate', 'queueMicrotask', 'structuredClone', 'Deno', 'Bun'];
  for (var i = 0; i < FORBIDDEN.length; i++) {
    try { delete G[FORBIDDEN[i]]; } catch (e) { /* non-configurable: the shim must not expose it */ }
    if (FORBIDDEN[i] in G) { try { Object.defineProperty(G, FORBIDDEN[i], { value: undefined, writable: false, configurable: false }); } catch (e) {} }
  }

  var getProto = Object.getPrototypeOf, ownKeys = Reflect.ownKeys, getDesc = Object.getOwnPropertyDescriptor;
  var freeze = Object.freeze, stringify = JSON.stringify, parse = JSON.parse;
  var ArrayIsArray = Array.isArray, StringOf = String, PromiseC = Promise, ErrorC = Error, MapC = Map;
  var seen = new WeakSet();
  function harden(o) {
    if (o === null || (typeof o !== 'object' && typeof o !== 'function') || seen.has(o)) return o;
    seen.add(o);
    freeze(o);
    harden(getProto(o));
    var keys = ownKeys(o);
    for (var k = 0; k < keys.length; k++) {
      var d = getDesc(o, keys[k]);
      if (!d) continue;
      if ('value' in d) harden(d.value); else { harden(d.get); harden(d.set); }
    }
    return o;
  }
  // Intrinsics no global name reaches, reached from instances.
  function* gen() {}
  async function* agen() {}
  var hidden = [gen, agen, async function () {}, gen(), agen(), [][Symbol.iterator](), new Map()[Symbol.iterator](),
    new Set()[Symbol.iterator](), ''[Symbol.iterator](), /a/[Symbol.matchAll](''), getProto(Int8Array),
    (function () { return arguments; })()];

  var bridge = null;
  var pending = new MapC();
  var nextCall = 1;
  var consoleLines = 0;

  function send(kind, payload) {
    // The bridge belongs to the shim's realm: any error it throws stays here (never reaches the cell).
    try { bridge(kind, payload); } catch (e) { throw new ErrorC('sandbox: host channel failed'); }
  }

  function show(v, depth) {
    if (typeof v === 'string') return v;
    try {
      var seenObj = new WeakSet();
      var s = stringify(v, function (_k, x) {
        if (typeof x === 'bigint') return StringOf(x) + 'n';
        if (typeof x === 'function') return '[Function' + (x.name ? ' ' + x.name : '') + ']';
        if (typeof x === 'symbol') return StringOf(x);
        if (typeof x === 'number' && !isFinite(x)) return StringOf(x);
        if (x === undefined) return 'undefined';
        if (x !== null && typeof x === 'object') {
          if (seenObj.has(x)) return '[Circular]';
          seenObj.add(x);
          if (x instanceof ErrorC) return StringOf(x.name) + ': ' + StringOf(x.message);
        }
        return x;
      }, depth ? 2 : undefined);
      return s === undefined ? StringOf(v) : s;
    } catch (e) { return '[unprintable value]'; }
  }

  function makeConsole(level) {
    return function () {
      consoleLines++;
      var parts = [];
      for (var a = 0; a < arguments.length; a++) parts.push(show(arguments[a], false));
      send('console', level + '\u0000' + parts.join(' '));
    };
  }
  var cellConsole = { log: makeConsole('log'), info: makeConsole('info'), warn: makeConsole('warn'), error: makeConsole('error') };

  function plain(v) {
    // JSON-safe copy built here, so the host only ever parses a string.
    var seenObj = new WeakSet();
    var s = stringify(v, function (_k, x) {
      if (typeof x === 'bigint') return StringOf(x) + 'n';
      if (typeof x === 'number' && !isFinite(x)) return StringOf(x);
      if (typeof x === 'function' || typeof x === 'symbol') return undefined;
      if (x !== null && typeof x === 'object') {
        if (seenObj.has(x)) return '[Circular]';
        seenObj.add(x);
      }
      return x;
    });
    return s === undefined ? null : parse(s);
  }

  function isRecord(x) { return x !== null && typeof x === 'object' && !ArrayIsArray(x); }

  function toOutputs(value) {
    if (value === undefined) return [];
    if (typeof value === 'string') return [{ kind: 'text', text: value }];
    if (ArrayIsArray(value) && value.length > 0 && value.every(isRecord)) {
      var cols = [], has = new MapC();
      value.forEach(function (r) { ownKeys(r).forEach(function (k) { if (typeof k === 'string' && !has.has(k)) { has.set(k, 1); cols.push(k); } }); });
      var rows = value.map(function (r) {
        return cols.map(function (c) {
          var x = plain(r[c]);
          return x !== null && typeof x === 'object' ? stringify(x) : x === undefined ? null : x;
        });
      });
      return [{ kind: 'table', columns: cols, rows: rows }];
    }
    return [{ kind: 'json', value: plain(value) }];
  }

  function errorInfo(e) {
    try {
      if (e !== null && typeof e === 'object') return { ok: false, name: StringOf(e.name || 'Error'), message: StringOf(e.message) };
      return { ok: false, name: 'Error', message: 'thrown: ' + show(e, false) };
    } catch (x) { return { ok: false, name: 'Error', message: 'the cell threw an unprintable value' }; }
  }

  var env = { tables: {}, outputs: {} };
  function has(o, k) { return Object.prototype.hasOwnProperty.call(o, k); }

  function table(name) {
    if (!has(env.tables, StringOf(name))) throw new ErrorC('table: no table "' + StringOf(name) + '" in this notebook');
    // A fresh copy per call: one cell cannot change what the next call (or cell) sees.
    return parse(stringify(env.tables[StringOf(name)].rows));
  }
  function output(name) {
    if (!has(env.outputs, StringOf(name))) throw new ErrorC('output: cell "' + StringOf(name) + '" has no output (run it first?)');
    return parse(stringify(env.outputs[StringOf(name)]));
  }
  function hostCall(fn, args) {
    var id = StringOf(nextCall++);
    return new PromiseC(function (resolve, reject) {
      pending.set(id, { resolve: resolve, reject: reject });
      var payload;
      try { payload = stringify(args === undefined ? null : args); } catch (e) { pending.delete(id); reject(new ErrorC(fn + ': arguments are not JSON-serializable')); return; }
      send('call', id + '\u0000' + fn + '\u0000' + payload);
    });
  }
  var api = {
    table: table,
    output: output,
    fit: function (model, data, options) { return hostCall('fit', [model, data, options === undefined ? {} : options]); },
    search: function (query, options) { return hostCall('search', [StringOf(query), options === undefined ? {} : options]); },
    papers: function () { return hostCall('papers', []); },
    console: cellConsole,
  };

  function deliver(id, ok, json) {
    var p = pending.get(id);
    if (!p) return;
    pending.delete(id);
    var value;
    try { value = parse(json); } catch (e) { p.reject(new ErrorC('sandbox: bad reply')); return; }
    if (ok) p.resolve(value); else p.reject(new ErrorC(StringOf(value)));
  }

  async function run(fn, envJson) {
    try {
      env = parse(envJson);
      var value = await fn(api.table, api.output, api.fit, api.search, api.papers, api.console);
      return stringify({ ok: true, outputs: toOutputs(value) });
    } catch (e) {
      return stringify(errorInfo(e));
    }
  }
  function makeError(message) { return new ErrorC(StringOf(message)); }

  // Stack traces show the cell's own frames only, as cell:line:column of the cell's source: never
  // the worker script's host path or the prelude. Installed before Error is frozen; it reads only
  // strings from the call sites and never hands them to the cell.
  var CELL_FILE = 'cell.js';
  function cellStack(err, frames) {
    var head;
    try { head = StringOf(err); } catch (e) { head = 'Error'; }
    var lines = [];
    for (var f = 0; f < frames.length; f++) {
      var site = frames[f];
      if (site.getFileName() !== CELL_FILE) continue;
      var loc = 'cell:' + (site.getLineNumber() - 1) + ':' + site.getColumnNumber();
      var fname = site.getFunctionName();
      lines.push('    at ' + (site.isAsync() ? 'async ' : '') + (fname ? fname + ' (' + loc + ')' : loc));
    }
    return lines.length ? head + '\n' + lines.join('\n') : head;
  }
  Object.defineProperty(ErrorC, 'prepareStackTrace', { value: cellStack, writable: false, configurable: false });

  harden(api);
  hidden.forEach(harden);
  var names = ownKeys(G);
  for (var n = 0; n < names.length; n++) { var d = getDesc(G, names[n]); if (d && 'value' in d) harden(d.value); }
  freeze(G);

  return function boot(b) {
    if (bridge !== null) throw new ErrorC('sandbox: already booted');
    bridge = b;
    return freeze({ run: run, deliver: deliver, makeError: makeError, cellParams: 'table, output, fit, search, papers, console' });
  };
})()
`;

/** Wraps cell source as the body of a strict async function taking the API as parameters. */
export function wrapCellSource(source: string): string {
  return `(async function (table, output, fit, search, papers, console) {"use strict";\n${source}\n})`;
}
