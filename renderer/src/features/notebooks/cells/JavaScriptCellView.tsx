// JavaScript cell: the body of an async function run in the sandbox (notebooks:runCell).
import type { KeyboardEvent } from 'react';
import type { CellViewProps } from './types';

/** Tab indents by two spaces instead of leaving the editor. */
export function indentOnTab(e: KeyboardEvent<HTMLTextAreaElement>, onChange: (v: string) => void) {
  if (e.key !== 'Tab' || e.shiftKey || e.ctrlKey || e.metaKey || e.altKey) return;
  e.preventDefault();
  const el = e.currentTarget;
  const { selectionStart: s, selectionEnd: end, value } = el;
  onChange(value.slice(0, s) + '  ' + value.slice(end));
  requestAnimationFrame(() => el.setSelectionRange(s + 2, s + 2));
}

export function JavaScriptCellView({ cell, onChange }: CellViewProps) {
  const source = cell.source ?? '';
  const set = (v: string) => onChange({ ...cell, source: v });
  return (
    <div className="nb-js">
      <textarea
        className="nb-code"
        data-testid="cell-editor"
        value={source}
        spellCheck={false}
        rows={Math.min(30, Math.max(3, source.split('\n').length + 1))}
        onChange={(e) => set(e.target.value)}
        onKeyDown={(e) => indentOnTab(e, set)}
        aria-label="JavaScript"
      />
      <p className="nb-help">
        <kbd>Shift+Enter</kbd> runs. <code>return</code> a value to show it (an array of records
        becomes a table). In the sandbox: <code>table(&apos;name&apos;)</code> rows of a table,{' '}
        <code>output(&apos;name&apos;)</code> another cell’s result,{' '}
        <code>await fit(model, {'{x, y}'})</code>, <code>await papers()</code>,{' '}
        <code>await search(&apos;words&apos;)</code>, <code>console.log</code>. No network, no
        timers; stopped after 5 s.
      </p>
    </div>
  );
}
