// Renders stored cell outputs (text, JSON, tables, console lines, errors, SVG) for each export
// format; every computable cell type shares these.
import { toLines } from '../file-format';
import type { CellOutput } from '../model';
import type { IpynbOutput } from '../registry';
import { escapeHtml, fenced, gfmTable, htmlTable, numericColumns } from './markup';
import { roundTable } from './report-outputs';
import { svgDataUrl } from './svg-plot';

// Computed numbers print to 6 significant digits (0.1 + 0.2 shows as 0.3, not 0.30000000000000004).
const rowsOf = (o: Extract<CellOutput, { kind: 'table' }>) => roundTable(o, 6).rows;

export function outputsToMarkdown(outputs: CellOutput[]): string {
  const parts: string[] = [];
  let consoleText = '';
  const flushConsole = () => {
    if (consoleText) parts.push(fenced(consoleText, 'text'));
    consoleText = '';
  };
  for (const o of outputs) {
    if (o.kind === 'console') {
      consoleText +=
        (o.level === 'log' || o.level === 'info' ? '' : `[${o.level}] `) + o.text + '\n';
      continue;
    }
    flushConsole();
    if (o.kind === 'text') parts.push(fenced(o.text, 'text'));
    else if (o.kind === 'json') parts.push(fenced(JSON.stringify(o.value, null, 2), 'json'));
    else if (o.kind === 'table')
      parts.push(gfmTable(o.columns, rowsOf(o), numericColumns(o.columns, o.rows)));
    else if (o.kind === 'error') parts.push(`> **${o.name}:** ${o.message.replace(/\n/g, ' ')}`);
    else if (o.kind === 'svg') parts.push(`![plot](${svgDataUrl(o.svg)})`);
  }
  flushConsole();
  return parts.join('\n\n');
}

export function outputsToHtml(outputs: CellOutput[]): string {
  return outputs
    .map((o) => {
      switch (o.kind) {
        case 'console':
          return `<pre class="out console ${o.level}">${escapeHtml(o.text)}</pre>`;
        case 'text':
          return `<pre class="out">${escapeHtml(o.text)}</pre>`;
        case 'json':
          return `<pre class="out json">${escapeHtml(JSON.stringify(o.value, null, 2))}</pre>`;
        case 'table':
          return `<div class="out">${htmlTable(o.columns, rowsOf(o))}</div>`;
        case 'error':
          return `<pre class="out error">${escapeHtml(`${o.name}: ${o.message}`)}</pre>`;
        case 'svg':
          return `<figure class="out">${o.svg}</figure>`;
      }
    })
    .join('\n');
}

export function outputsToIpynb(outputs: CellOutput[]): IpynbOutput[] {
  return outputs.map((o): IpynbOutput => {
    switch (o.kind) {
      case 'console':
        return {
          output_type: 'stream',
          name: o.level === 'log' || o.level === 'info' ? 'stdout' : 'stderr',
          text: toLines(o.text + '\n'),
        };
      case 'text':
        return {
          output_type: 'display_data',
          data: { 'text/plain': toLines(o.text) },
          metadata: {},
        };
      case 'json':
        return {
          output_type: 'display_data',
          data: {
            'application/json': o.value === undefined ? null : o.value,
            'text/plain': toLines(JSON.stringify(o.value, null, 2) ?? 'undefined'),
          },
          metadata: {},
        };
      case 'table':
        return {
          output_type: 'display_data',
          data: {
            'text/html': toLines(htmlTable(o.columns, rowsOf(o))),
            'text/plain': toLines(
              gfmTable(o.columns, rowsOf(o), numericColumns(o.columns, o.rows)),
            ),
          },
          metadata: {},
        };
      case 'error':
        return {
          output_type: 'error',
          ename: o.name,
          evalue: o.message,
          traceback: [`${o.name}: ${o.message}`],
        };
      case 'svg':
        return {
          output_type: 'display_data',
          data: { 'image/svg+xml': toLines(o.svg), 'text/plain': ['<plot>'] },
          metadata: {},
        };
    }
  });
}
