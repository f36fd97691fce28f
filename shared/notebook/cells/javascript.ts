// JavaScript cell: the body of an async function run in the sandbox (./sandbox); `return` a value
// to show it (an array of records becomes a table). Reads other cells with table()/output().
import { toLines } from '../file-format';
import { escapeHtml, fenced } from '../export/markup';
import { outputsToHtml, outputsToMarkdown } from '../export/outputs';
import { findCell } from '../model';
import type { CellType } from '../registry';

/** `table('x')` / `output("x")` with a literal argument: the cells a script reads, found statically. */
const READS_RE = /\b(?:table|output)\(\s*(['"`])([^'"`\n]{1,100})\1\s*\)/g;

export const javascriptCell: CellType = {
  type: 'javascript',
  label: 'JavaScript',
  content: 'source',
  defaults: () => ({
    source: "// Return a value to show it. table('name') gives a table's rows.\nreturn 1 + 1;\n",
  }),
  inputsOf: (cell, nb) => {
    const ids = new Set<string>();
    for (const m of (cell.source ?? '').matchAll(READS_RE)) {
      const c = findCell(nb, m[2] ?? '');
      if (c && c.id !== cell.id) ids.add(c.id);
    }
    return [...ids];
  },
  run: (cell, ctx) => ctx.runJavaScript(cell.source ?? ''),
  exporters: {
    markdown: (cell) =>
      [fenced(cell.source ?? '', 'js'), outputsToMarkdown(cell.outputs)]
        .filter(Boolean)
        .join('\n\n'),
    html: (cell) =>
      `<pre class="code"><code class="language-js">${escapeHtml(cell.source ?? '')}</code></pre>\n${outputsToHtml(cell.outputs)}`,
    // A Python kernel cannot run it: the code and what it returned in Quire, as Markdown.
    ipynb: (cell) => [
      {
        id: cell.id,
        cell_type: 'markdown',
        metadata: { quire: { type: 'javascript' } },
        source: toLines(
          [
            "*JavaScript cell from Quire (runs in Quire's sandbox; not executable in this Python notebook):*",
            fenced(cell.source ?? '', 'js'),
            outputsToMarkdown(cell.outputs),
          ]
            .filter(Boolean)
            .join('\n\n'),
        ),
      },
    ],
  },
};
