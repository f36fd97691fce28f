// One-off: browser mode on a library at s3:// (s3rver), screenshots of Settings and the library, light and dark.
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { startS3Server } from './tests/support/s3-server';
const s3 = await startS3Server('lab-papers', 'shot-secret');
const tmp = mkdtempSync(join(tmpdir(), 'shot-'));
const env = { ...process.env, ...s3.env, QUIRE_REMOTE_CACHE: join(tmp, 'cache'), QUIRE_LIBRARY: '' };
const papers = [
  ['Sparse attention for long documents', 'We study attention over long inputs with sparse patterns.', 2023],
  ['Diffusion models for protein backbones', 'Generating protein backbones with score-based diffusion.', 2024],
  ['Scaling laws for graph neural networks', 'Loss falls as a power law in parameters and data for message passing networks.', 2022],
].map(([title, abstract, year]) => JSON.stringify({ title, abstract, year, authors: ['A. Lovelace'] }));
writeFileSync(join(tmp, 'p.jsonl'), papers.join('\n'));
const run = (args: string[]) => new Promise<string>((ok, fail) => {
  const c = spawn(process.execPath, ['bin/quire.mjs', ...args], { env });
  let out = ''; c.stdout.on('data', (d) => (out += d)); c.stderr.on('data', (d) => process.stderr.write(d));
  c.on('exit', (code) => (code === 0 ? ok(out) : fail(new Error(`exit ${code}`))));
});
await run(['import', join(tmp, 'p.jsonl'), '--library', 's3://lab-papers/group']);
const serve = spawn(process.execPath, ['bin/quire.mjs', 'serve', '--library', 's3://lab-papers/group'], { env });
const url = await new Promise<string>((ok) => {
  let out = '';
  serve.stdout.on('data', (d) => { out += d; const m = /running at (\S+)/.exec(out); if (m) ok(m[1]!); });
  serve.stderr.on('data', (d) => process.stderr.write(d));
});
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
for (const scheme of ['light', 'dark'] as const) {
  const page = await browser.newPage({ colorScheme: scheme, viewport: { width: 1280, height: 860 } });
  await page.goto(url);
  await page.getByTestId('paper-row').first().waitFor();
  await page.screenshot({ path: `/work/prof/shots/s3-library-${scheme}.png` });
  await page.getByRole('button', { name: /settings/i }).first().click();
  await page.getByTestId('library-shared-note').waitFor();
  await page.screenshot({ path: `/work/prof/shots/s3-settings-${scheme}.png` });
  await page.close();
}
await browser.close();
serve.kill('SIGTERM');
await s3.close();
process.exit(0);
