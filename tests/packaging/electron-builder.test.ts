// Tests electron-builder.yml as electron-builder itself reads and validates it: the fuses are set,
// spelled as its schema knows them, and the worker scripts stay unpacked.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Configuration } from 'electron-builder';
import { describe, expect, it } from 'vitest';
// electron-builder's own loader and schema check (app-builder-lib is its implementation package).
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const quietLogger = { isEnabled: false, add: () => undefined } as unknown as Parameters<
  typeof validateConfiguration
>[1];

const load = () => getConfig(root, path.join(root, 'electron-builder.yml'), null);

describe('electron-builder.yml', () => {
  it('passes electron-builder’s schema', async () => {
    await expect(validateConfiguration(await load(), quietLogger)).resolves.toBeUndefined();
  });

  it('flips every security fuse', async () => {
    const config = await load();
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
      loadBrowserProcessSpecificV8Snapshot: false,
    });
  });

  it('rejects a misspelled fuse, so the check above cannot pass on a typo', async () => {
    const config = await load();
    const typo = {
      ...config,
      electronFuses: { ...config.electronFuses, runAsnode: false },
    } as unknown as Configuration;
    await expect(validateConfiguration(typo, quietLogger)).rejects.toThrow(/electronFuses/);
  });

  it('keeps app.asar the only app and the worker scripts unpacked beside it', async () => {
    const config = await load();
    expect(config.asar ?? true).toBe(true);
    expect(config.asarUnpack).toEqual(
      expect.arrayContaining(['out/main/embed-worker.mjs', 'out/main/sandbox-worker.mjs']),
    );
  });
});
