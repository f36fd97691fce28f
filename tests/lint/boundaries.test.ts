// The layering rules hold: ESLint refuses `electron` outside electron/main and electron/preload, and
// refuses the renderer importing from electron/.
import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '..', '..');
const eslint = new ESLint({ cwd: root });

async function restricted(code: string, file: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(root, file) });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

const importElectron = "import { app } from 'electron';\nexport const x = app;\n";

describe('import boundaries', () => {
  it.each([
    'electron/services/library/x.ts',
    'electron/host/x.ts',
    'shared/api/x.ts',
    'renderer/src/x.ts',
  ])('refuses electron in %s', async (file) => {
    expect(await restricted(importElectron, file)).toHaveLength(1);
  });

  it.each(['electron/main/x.ts', 'electron/preload/x.ts'])(
    'allows electron in %s',
    async (file) => {
      expect(await restricted(importElectron, file)).toEqual([]);
    },
  );

  it('refuses the renderer importing services', async () => {
    const code =
      "import { createServices } from '../../electron/services';\nexport const y = createServices;\n";
    expect(await restricted(code, 'renderer/src/x.ts')).toHaveLength(1);
  });

  it('refuses shared/ importing the renderer', async () => {
    const code = "import { App } from '../../renderer/src/App';\nexport const z = App;\n";
    expect(await restricted(code, 'shared/api/x.ts')).toHaveLength(1);
  });
});
