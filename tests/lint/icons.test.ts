// Every icon button draws an SVG icon: a text glyph such as "⧉" showed as an empty box where the
// system font lacks it (the duplicate-notebook button did).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '..', '..');

function tsxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? tsxFiles(join(dir, e.name))
      : e.name.endsWith('.tsx') && !e.name.includes('.test.')
        ? [join(dir, e.name)]
        : [],
  );
}

/** `file:line` of each `className="icon-button"` element whose content is text, not `<Icon>`. */
export function glyphIconButtons(file: string, text: string): string[] {
  const src = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const bad: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isJsxElement(node)) {
      const cls = node.openingElement.attributes.properties.find(
        (a) => ts.isJsxAttribute(a) && a.name.getText(src) === 'className',
      );
      const value = cls && ts.isJsxAttribute(cls) ? cls.initializer?.getText(src) : undefined;
      if (value && /\bicon-button\b/.test(value)) {
        const hasText = node.children.some((c) => ts.isJsxText(c) && c.getText(src).trim() !== '');
        if (hasText) {
          const { line } = src.getLineAndCharacterOfPosition(node.getStart(src));
          bad.push(`${relative(root, file)}:${line + 1}`);
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(src);
  return bad;
}

describe('icon buttons', () => {
  it('draw an <Icon>, never a text glyph', () => {
    const bad = tsxFiles(resolve(root, 'renderer/src')).flatMap((f) =>
      glyphIconButtons(f, readFileSync(f, 'utf8')),
    );
    expect(bad).toEqual([]);
  });

  it('the check finds a glyph button', () => {
    const code = 'export const B = () => <button className="icon-button">⧉</button>;';
    expect(glyphIconButtons(resolve(root, 'x.tsx'), code)).toEqual(['x.tsx:1']);
  });
});
