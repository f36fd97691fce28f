// Tests for the app:// handler on real files: what it serves, what it refuses, and the CSP on every answer.
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, createAppProtocolHandler, resolveAppFile } from './app-protocol';
import { cspHeader, parseCsp } from './content-security-policy';

let root: string;
let rendererDir: string;
let handle: (request: Request) => Promise<Response>;

beforeAll(async () => {
  // out/renderer beside a secret, so a traversal that escapes by one level has something to find.
  root = await mkdtemp(path.join(tmpdir(), 'quire-app-protocol-'));
  rendererDir = path.join(root, 'renderer');
  await mkdir(path.join(rendererDir, 'assets'), { recursive: true });
  await mkdir(path.join(root, 'renderer-evil'));
  await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>Quire</title>');
  await writeFile(path.join(rendererDir, 'assets', 'index-abc.js'), 'export {};');
  await writeFile(path.join(rendererDir, 'assets', 'KaTeX_Main.woff2'), Buffer.from([0x77, 0x4f]));
  await writeFile(path.join(root, 'secret.txt'), 'library password');
  await writeFile(path.join(root, 'renderer-evil', 'x.html'), 'EVIL-PAGE');
  handle = createAppProtocolHandler({ rendererDir });
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const get = (url: string, method = 'GET') => handle(new Request(url, { method }));

describe('app:// protocol handler', () => {
  it('serves the entry page, modules and fonts with their types and the CSP header', async () => {
    const page = await get(APP_ENTRY_URL);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toContain('<title>Quire</title>');

    const script = await get('app://quire/assets/index-abc.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const font = await get('app://quire/assets/KaTeX_Main.woff2');
    expect(font.headers.get('content-type')).toBe('font/woff2');
    expect(new Uint8Array(await font.arrayBuffer())).toEqual(new Uint8Array([0x77, 0x4f]));

    for (const res of [page, script, font]) {
      expect(res.headers.get('content-security-policy')).toBe(cspHeader());
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it('answers / with index.html and HEAD without a body', async () => {
    expect(await (await get('app://quire/')).text()).toContain('<title>Quire</title>');
    const head = await get(APP_ENTRY_URL, 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('refuses traversal, encoded separators, other hosts and missing files, CSP included', async () => {
    const refused = [
      'app://quire/../secret.txt',
      'app://quire/%2e%2e/secret.txt',
      'app://quire/assets/..%2f..%2fsecret.txt',
      'app://quire/..%5csecret.txt',
      'app://quire/%2E%2E%2Fsecret.txt',
      'app://quire/assets/%00.js',
      'app://quire/%E0%A4%A',
      'app://evil/index.html',
      'app://quire/../renderer-evil/x.html',
      'app://quire/assets',
      'app://quire/nope.js',
    ];
    for (const url of refused) {
      const res = await get(url);
      expect([400, 404], url).toContain(res.status);
      const text = await res.text();
      expect(text, url).not.toContain('library password');
      expect(text, url).not.toContain('EVIL-PAGE');
      expect(res.headers.get('content-security-policy'), url).toBe(cspHeader());
    }
  });

  it('refuses writes', async () => {
    const res = await handle(new Request(APP_ENTRY_URL, { method: 'POST', body: 'x' }));
    expect(res.status).toBe(405);
  });

  it('resolveAppFile keeps every accepted path inside the renderer folder', () => {
    const inside = resolveAppFile(rendererDir, 'app://quire/assets/index-abc.js');
    expect(inside).toEqual({ ok: true, file: path.join(rendererDir, 'assets', 'index-abc.js') });
    // Backslashes are separators on Windows: a literal one must not climb out either.
    expect(resolveAppFile(rendererDir, 'app://quire/..\\secret.txt').ok).toBe(false);
    expect(resolveAppFile(rendererDir, 'file:///etc/passwd').ok).toBe(false);
    expect(resolveAppFile(rendererDir, 'app://quire:8080/index.html').ok).toBe(false);
  });
});

describe('Content Security Policy', () => {
  it('refuses plugins, base and form hijacking, framing, inline script and eval', () => {
    const csp = parseCsp(cspHeader());
    expect(csp.get('default-src')).toEqual(["'none'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('form-action')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    for (const [name, sources] of csp) {
      // No directive may reopen script execution or the network at large.
      expect(sources, name).not.toContain("'unsafe-eval'");
      expect(sources, name).not.toContain('*');
      expect(sources, name).not.toContain('http:');
      expect(sources, name).not.toContain('https:');
      if (name !== 'style-src') expect(sources, name).not.toContain("'unsafe-inline'");
    }
  });
});
