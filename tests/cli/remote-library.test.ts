// The CLI on a library on object storage, as a user runs it: `--library s3://bucket/prefix`, the
// server and credentials from AWS_* variables (here a local s3rver), nothing written to ~/.cache.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { quireOk, runQuire } from '../support/quire-cli';
import { startS3Server, type S3Server } from '../support/s3-server';

let server: S3Server;
let tmp: string;

beforeAll(async () => {
  server = await startS3Server('lab', 'cli-test-secret');
  tmp = await mkdtemp(join(tmpdir(), 'quire-remote-cli-'));
  for (const [k, v] of Object.entries(server.env)) vi.stubEnv(k, v);
  vi.stubEnv('QUIRE_REMOTE_CACHE', join(tmp, 'cache'));
  const papers = [
    { title: 'Sparse attention for long documents', abstract: 'Attention over long inputs.' },
    { title: 'Diffusion models for proteins', abstract: 'Generating protein backbones.' },
  ];
  await writeFile(join(tmp, 'p.jsonl'), papers.map((p) => JSON.stringify(p)).join('\n'));
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await server.close();
  await rm(tmp, { recursive: true, force: true });
});

it(
  'imports into, lists and describes a library at s3://bucket/prefix',
  { timeout: 180_000 },
  async () => {
    const lib = ['--library', 's3://lab/group/papers'];
    const run = await runQuire(['import', join(tmp, 'p.jsonl'), ...lib, '--json']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).not.toMatch(/lance|WARN/i);
    expect(JSON.parse(run.stdout).imported).toBe(2);
    // Another run (another process) reads what the first wrote.
    const info = await quireOk(['info', ...lib]);
    expect(info).toContain('Library: s3://lab/group/papers');
    expect(info).toContain('Papers: 2');
  },
);

it(
  'says in one line that a server which does not answer cannot be reached',
  { timeout: 180_000 },
  async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const { port } = closed.address() as AddressInfo;
    await new Promise((r) => closed.close(r));
    vi.stubEnv('AWS_ENDPOINT_URL', `http://127.0.0.1:${port}`);
    const r = await runQuire(['info', '--library', 's3://lab/elsewhere']);
    vi.stubEnv('AWS_ENDPOINT_URL', server.env.AWS_ENDPOINT_URL!);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      'quire: s3://lab/elsewhere could not be reached while opening it (error sending request). Check AWS_ENDPOINT_URL, AWS_REGION and the network.\n',
    );
  },
);

it('names the problem when the library is not a bucket Quire can open', async () => {
  const r = await runQuire(['info', '--library', 's3://Not_A_Bucket!']);
  expect(r.code).toBe(1);
  expect(r.stderr).toContain('"s3://Not_A_Bucket!" is not a library Quire can open');
});
