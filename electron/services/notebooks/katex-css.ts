// KaTeX's stylesheet for self-contained HTML exports, with its WOFF2 fonts inlined as data: URLs
// (the WOFF/TTF fallbacks are dropped: every current browser reads WOFF2). ~0.4 MB, read once.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

let cached: Promise<string> | undefined;

export function katexCss(): Promise<string> {
  cached ??= (async () => {
    const require = createRequire(import.meta.url);
    const cssPath = require.resolve('katex/dist/katex.min.css');
    const css = await readFile(cssPath, 'utf8');
    const fontsDir = join(dirname(cssPath), 'fonts');
    const fonts = new Map<string, string>();
    for (const m of css.matchAll(/url\(fonts\/([\w.-]+\.woff2)\)/g)) {
      const name = m[1] ?? '';
      if (!fonts.has(name))
        fonts.set(name, (await readFile(join(fontsDir, name))).toString('base64'));
    }
    return css
      .replace(/,url\(fonts\/[\w.-]+\.(woff|ttf)\) format\("(woff|truetype)"\)/g, '')
      .replace(
        /url\(fonts\/([\w.-]+\.woff2)\)/g,
        (_, name: string) => `url(data:font/woff2;base64,${fonts.get(name) ?? ''})`,
      );
  })();
  return cached;
}
