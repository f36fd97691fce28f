// Tests that the renderer's meta-tag policy and the app:// header are one policy.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cspHeader, cspMetaContent, parseCsp } from './content-security-policy';

const indexHtml = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../renderer/index.html',
);

function metaPolicy(html: string): string | null {
  const tag = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(html);
  return tag ? tag[1]! : null;
}

describe('renderer CSP', () => {
  it('index.html carries exactly the header policy, minus the header-only frame-ancestors', () => {
    const meta = metaPolicy(readFileSync(indexHtml, 'utf8'));
    expect(meta).not.toBeNull();
    expect(parseCsp(meta!)).toEqual(parseCsp(cspMetaContent()));
    const header = parseCsp(cspHeader());
    header.delete('frame-ancestors');
    expect(parseCsp(meta!)).toEqual(header);
  });
});
