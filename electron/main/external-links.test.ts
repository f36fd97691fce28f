// Tests for the external-link gate: which links open at once, which ask first, which never leave Quire.
import { describe, expect, it } from 'vitest';
import { confirmDialog, decideExternalLink, type ExternalLinkDecision } from './external-links';

const confirmOf = (url: string) => {
  const d = decideExternalLink(url);
  if (d.action !== 'confirm') throw new Error(`expected confirm for ${url}, got ${d.action}`);
  return d;
};

describe('decideExternalLink', () => {
  it('opens https links to doi.org and arxiv.org (and their subdomains) without asking', () => {
    for (const url of [
      'https://doi.org/10.1103/PhysRevLett.116.061102',
      'https://arxiv.org/abs/1706.03762',
      'https://export.arxiv.org/abs/1706.03762v5',
      'https://dx.doi.org/10.1000/182',
    ]) {
      expect(decideExternalLink(url)).toEqual({ action: 'open', url: new URL(url).href });
    }
  });

  it('asks before any other web link, naming the host the browser will really visit', () => {
    expect(confirmOf('https://example.org/paper.pdf')).toMatchObject({
      target: 'example.org',
      scheme: 'https',
    });
    // Look-alikes of trusted hosts are not trusted.
    expect(confirmOf('https://doi.org.evil.example/10.1/x').target).toBe('doi.org.evil.example');
    expect(confirmOf('https://evilarxiv.org/abs/1').target).toBe('evilarxiv.org');
    // Plain http and odd ports ask even for trusted hosts.
    expect(confirmOf('http://arxiv.org/abs/1706.03762').scheme).toBe('http');
    expect(confirmOf('https://doi.org:8443/10.1/x').target).toBe('doi.org:8443');
  });

  it('asks before mailto links, naming the address', () => {
    expect(confirmOf('mailto:authors@example.org?subject=Your%20paper')).toMatchObject({
      scheme: 'mailto',
      target: 'authors@example.org',
    });
  });

  it('never opens other schemes, credentials, junk or absurd lengths', () => {
    for (const url of [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://attacker.example/share',
      'ms-msdt:/id PCWDiagnostic',
      'vscode://file/etc/passwd',
      'data:text/html,<script>alert(1)</script>',
      'app://quire/index.html',
      'https://doi.org@evil.example/',
      'https://user:pw@arxiv.org/',
      'mailto:',
      'not a url',
      `https://example.org/${'a'.repeat(5000)}`,
    ]) {
      expect(decideExternalLink(url).action, url).toBe('refuse');
    }
  });

  it('hands the OS the normalised URL, not the raw string', () => {
    const d = decideExternalLink('HTTPS://ArXiv.org/abs/1706.03762') as Extract<
      ExternalLinkDecision,
      { action: 'open' }
    >;
    expect(d.url).toBe('https://arxiv.org/abs/1706.03762');
  });
});

describe('confirmDialog', () => {
  it('names the destination, shows the full URL and defaults to Cancel', () => {
    const dialog = confirmDialog(confirmOf('https://example.org/paper.pdf'));
    expect(dialog.message).toBe('Open example.org in your browser?');
    expect(dialog.detail).toBe('https://example.org/paper.pdf');
    expect(dialog.buttons).toEqual(['Open in Browser', 'Cancel']);
    expect(dialog.defaultId).toBe(1);
    expect(dialog.cancelId).toBe(1);
  });

  it('warns about unencrypted links and words mail links as mail', () => {
    expect(confirmDialog(confirmOf('http://example.org/')).detail).toMatch(/not encrypted/);
    const mail = confirmDialog(confirmOf('mailto:a@example.org'));
    expect(mail.message).toBe('Write an email to a@example.org?');
    expect(mail.buttons[0]).toBe('Open Mail');
  });
});
