// Tests for the Electronegativity gate: Quire's code passes it, a careless app fails it, every
// remaining finding must be explained, and the scan never touches the network.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listScanFiles, review, scanElectron } from './electronegativity.mjs';

const run = promisify(execFile);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const script = path.join(root, 'scripts', 'electronegativity.mjs');

// A main process written the way the Electron checklist warns against.
const CARELESS_MAIN = `const { app, BrowserWindow, shell } = require('electron');
app.whenReady().then(() => {
  const win = new BrowserWindow({
    webPreferences: { nodeIntegration: true, contextIsolation: false, webSecurity: false },
  });
  win.webContents.on('new-window', (e, url) => shell.openExternal(url));
  win.loadURL('http://example.com/');
});
`;

let careless: string;

beforeAll(async () => {
  careless = await mkdtemp(path.join(tmpdir(), 'quire-eng-'));
  await mkdir(path.join(careless, 'electron'));
  await writeFile(path.join(careless, 'electron', 'main.js'), CARELESS_MAIN);
  await writeFile(
    path.join(careless, 'package.json'),
    JSON.stringify({ name: 'careless', devDependencies: { electron: '40.8.5' } }),
  );
});

afterAll(async () => {
  await rm(careless, { recursive: true, force: true });
});

/** Runs the command the lint script runs, with every socket and DNS lookup reported on stderr. */
async function runCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const poison = [
    "import net from 'node:net'; import dns from 'node:dns';",
    "const say = (what) => () => { process.stderr.write('NETWORK ATTEMPT: ' + what + '\\n'); throw new Error('offline'); };",
    "net.Socket.prototype.connect = say('connect'); dns.lookup = say('dns.lookup');",
    "dns.promises.lookup = say('dns.promises.lookup');",
  ].join(' ');
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      [`--import=data:text/javascript,${encodeURIComponent(poison)}`, script, ...args],
      { cwd: root, timeout: 120_000 },
    );
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

describe('Electronegativity gate', () => {
  it('passes on Quire, offline, leaving only the findings SECURITY.md explains', async () => {
    const { code, stdout, stderr } = await runCli([]);
    expect(stderr).not.toContain('NETWORK ATTEMPT');
    expect(stdout).toMatch(/0 high, 0 medium/);
    expect(code).toBe(0);

    const verdict = review(
      await scanElectron({ root }),
      await readFile(path.join(root, 'SECURITY.md'), 'utf8'),
    );
    expect(verdict.failing).toEqual([]);
    expect(verdict.errors).toEqual([]);
    expect(verdict.unexplained).toEqual([]);
    expect(verdict.reported.map((f) => f.id).sort()).toEqual([
      'CSP_GLOBAL_CHECK',
      'ELECTRON_VERSION_JSON_CHECK',
    ]);
    // Each suppression sits on the one line it is about, in window.ts.
    expect(verdict.suppressed.map((f) => `${f.id} ${f.file}`).sort()).toEqual([
      'OPEN_EXTERNAL_JS_CHECK electron/main/window.ts',
      'PRELOAD_JS_CHECK electron/main/window.ts',
    ]);
  });

  it('fails a careless app on its HIGH and MEDIUM findings, with exit code 1', async () => {
    const { code, stdout, stderr } = await runCli(['--root', careless]);
    expect(stderr).not.toContain('NETWORK ATTEMPT');
    expect(code).toBe(1);
    for (const id of [
      'NODE_INTEGRATION_JS_CHECK',
      'CONTEXT_ISOLATION_JS_CHECK',
      'WEB_SECURITY_JS_CHECK',
      'AUXCLICK_JS_CHECK',
      'OPEN_EXTERNAL_JS_CHECK',
      'CSP_GLOBAL_CHECK',
      'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK',
    ]) {
      expect(stdout, id).toContain(id);
    }
  });

  it('fails when a LOW finding or a suppression is not explained', async () => {
    const result = await scanElectron({ root });
    const verdict = review(result, 'SECURITY.md that names only CSP_GLOBAL_CHECK');
    expect(verdict.ok).toBe(false);
    expect(verdict.unexplained.sort()).toEqual([
      'ELECTRON_VERSION_JSON_CHECK',
      'OPEN_EXTERNAL_JS_CHECK',
      'PRELOAD_JS_CHECK',
    ]);
  });

  it('scans the shipped Electron and renderer sources, not tests or node_modules', () => {
    const files = listScanFiles(root).map((f) => path.relative(root, f));
    expect(files).toContain('electron/main/window.ts');
    expect(files).toContain('electron/preload/index.ts');
    expect(files).toContain('renderer/index.html');
    expect(files).toContain('package.json');
    expect(files.filter((f) => /\.(test|spec)\./.test(f) || f.includes('node_modules'))).toEqual(
      [],
    );
  });

  it('writes SARIF for code-scanning tools', async () => {
    const out = path.join(careless, 'report.sarif');
    await runCli(['--root', careless, '--output', out]);
    const sarif = JSON.parse(await readFile(out, 'utf8')) as { runs: { results: unknown[] }[] };
    expect(sarif.runs[0]?.results.length).toBeGreaterThan(0);
  });
});
