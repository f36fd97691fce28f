// `quire llm` as users run it (a child process on a real library folder) against a fake
// OpenAI-compatible server on 127.0.0.1: set, show, check, the remote confirmation, a server down.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runQuire } from '../support/quire-cli';
import { closedPortUrl, startFakeLlmServer, type FakeLlmServer } from '../support/fake-llm-server';

let tmp: string;
let lib: string;
let server: FakeLlmServer;

const quire = (args: string[]) => runQuire([...args, '--library', lib]);

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'quire-llm-cli-'));
  lib = join(tmp, 'lib');
  server = await startFakeLlmServer();
});
afterAll(async () => {
  await server.close();
  await rm(tmp, { recursive: true, force: true });
});

describe('quire llm', { timeout: 120_000 }, () => {
  it('sets the server, shows it, and checks it answers', async () => {
    const set = await quire([
      'llm',
      'set',
      '--url',
      server.url,
      '--model',
      'tiny-chat',
      '--timeout',
      '5',
      '--json',
    ]);
    expect(set.code, set.stderr).toBe(0);
    expect(JSON.parse(set.stdout)).toMatchObject({
      baseUrl: server.url,
      model: 'tiny-chat',
      timeoutSeconds: 5,
      allowRemote: false,
      provider: 'openai-compatible',
    });
    const show = await quire(['llm', 'show']);
    expect(show.stdout).toMatch(/server\s+http:\/\/127\.0\.0\.1:\d+\/v1/);
    expect(show.stdout).toMatch(/model\s+tiny-chat/);
    const check = await quire(['llm', 'check']);
    expect(check.code, check.stderr).toBe(0);
    expect(check.stdout).toMatch(/answers with 2 model\(s\), including tiny-chat/);
  });

  it('needs --allow-remote for a server off this machine', async () => {
    const refused = await quire(['llm', 'set', '--url', 'http://192.0.2.7:11434']);
    expect(refused.code).toBe(1);
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
    expect(refused.stderr).toMatch(
      /^quire: 192\.0\.2\.7:11434 is not on this machine.*--allow-remote/,
    );
    const allowed = await quire([
      'llm',
      'set',
      '--url',
      'http://192.0.2.7:11434',
      '--allow-remote',
      '--json',
    ]);
    expect(allowed.code, allowed.stderr).toBe(0);
    expect(JSON.parse(allowed.stdout)).toMatchObject({
      baseUrl: 'http://192.0.2.7:11434/v1',
      allowRemote: true,
    });
  });

  it('reports a server that is down in one line and exit code 1', async () => {
    await quire(['llm', 'set', '--url', await closedPortUrl()]);
    const check = await quire(['llm', 'check']);
    expect(check.code).toBe(1);
    expect(check.stderr.trim().split('\n')).toHaveLength(1);
    expect(check.stderr).toMatch(/^quire: Cannot reach the LLM server at .*connection refused/);
  });

  it('refuses a bad timeout and an empty set', async () => {
    const bad = await quire(['llm', 'set', '--timeout', '0']);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/whole number of seconds from 1 to 600/);
    const empty = await quire(['llm', 'set']);
    expect(empty.code).toBe(1);
    expect(empty.stderr).toMatch(/Nothing to set/);
  });
});
