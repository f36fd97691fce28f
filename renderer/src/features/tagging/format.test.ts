// Which base URLs count as this machine (no consent needed) and which leave it.
import { describe, expect, it } from 'vitest';
import { isLocalUrl } from './format';

describe('isLocalUrl', () => {
  it('accepts loopback names and addresses', () => {
    for (const url of [
      'http://127.0.0.1:11434/v1',
      'http://localhost:1234/v1',
      'http://LOCALHOST/v1',
      'http://127.1.2.3:8080',
      'http://[::1]:8080/v1',
      'http://ollama.localhost/v1',
      '',
    ])
      expect(isLocalUrl(url), url).toBe(true);
  });

  it('treats every other host as remote, including look-alikes', () => {
    for (const url of [
      'http://192.168.1.10:11434/v1',
      'https://api.example.org/v1',
      'http://127.0.0.1.example.org/v1',
      'http://localhost.example.org/v1',
      'http://10.0.0.2/v1',
      // No scheme: unparsable, so it is not waved through as local.
      '192.168.1.5:8000/v1',
    ])
      expect(isLocalUrl(url), url).toBe(false);
  });
});
