// LLM settings rules: URL normalisation, what counts as this machine, the remote confirmation, and
// reading a damaged settings file field by field.
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_LLM_SETTINGS,
  isLoopbackUrl,
  mergeLlmSettings,
  normaliseBaseUrl,
  readLlmSettings,
} from './llm-settings';

describe('llm settings', () => {
  it('normalises server URLs to the /v1 base', () => {
    expect(normaliseBaseUrl('http://127.0.0.1:11434')).toBe('http://127.0.0.1:11434/v1');
    expect(normaliseBaseUrl(' http://localhost:1234/v1/ ')).toBe('http://localhost:1234/v1');
    expect(normaliseBaseUrl('http://[::1]:8080/api/v1?x=1')).toBe('http://[::1]:8080/api/v1');
    expect(normaliseBaseUrl('')).toBe('');
    expect(() => normaliseBaseUrl('localhost:11434')).toThrow(/http:\/\/ or https:\/\//);
    expect(() => normaliseBaseUrl('not a url')).toThrow(/is not a server URL/);
    expect(() => normaliseBaseUrl('http://me:secret@127.0.0.1/')).toThrow(
      /no user name or password/,
    );
  });

  it('treats only loopback hosts as this machine', () => {
    for (const u of [
      'http://127.0.0.1:1/v1',
      'http://127.8.9.10/v1',
      'http://localhost/v1',
      'http://[::1]:5/v1',
      'http://LOCALHOST/v1',
    ])
      expect(isLoopbackUrl(u), u).toBe(true);
    for (const u of [
      'http://192.168.1.2/v1',
      'http://10.0.0.1/v1',
      'http://example.com/v1',
      'http://127.0.0.1.evil.com/v1',
      'http://0.0.0.0/v1',
      'http://[::ffff:7f00:1]/v1',
    ])
      expect(isLoopbackUrl(u), u).toBe(false);
  });

  it('needs allowRemote for a server off this machine, and asks again for a new host', () => {
    expect(() =>
      mergeLlmSettings(DEFAULT_LLM_SETTINGS, { baseUrl: 'http://10.0.0.5:11434' }),
    ).toThrow(/not on this machine/);
    const allowed = mergeLlmSettings(DEFAULT_LLM_SETTINGS, {
      baseUrl: 'http://10.0.0.5:11434',
      allowRemote: true,
    });
    expect(allowed).toMatchObject({ baseUrl: 'http://10.0.0.5:11434/v1', allowRemote: true });
    // the same host keeps its confirmation when only the model changes
    expect(mergeLlmSettings(allowed, { model: 'm' }).allowRemote).toBe(true);
    // another host does not inherit it
    expect(() => mergeLlmSettings(allowed, { baseUrl: 'http://10.0.0.6:11434' })).toThrow(
      /not on this machine/,
    );
    // going back to this machine drops it
    expect(mergeLlmSettings(allowed, { baseUrl: 'http://127.0.0.1:11434' }).allowRemote).toBe(
      false,
    );
  });

  it('reads a damaged settings value field by field', () => {
    expect(readLlmSettings(undefined)).toEqual(DEFAULT_LLM_SETTINGS);
    expect(
      readLlmSettings({
        baseUrl: 'http://127.0.0.1:1/v1',
        model: 5,
        timeoutSeconds: 9999,
        provider: 'x',
        allowRemote: 'yes',
      }),
    ).toEqual({ ...DEFAULT_LLM_SETTINGS, baseUrl: 'http://127.0.0.1:1/v1' });
  });
});
