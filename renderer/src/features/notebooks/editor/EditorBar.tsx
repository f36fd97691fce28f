// The bar above a notebook: its title, the save status, undo/redo, export and run all / stop.
import type { Dispatch } from 'react';
import type { Job } from '../../../components/useJob';
import { JobProgress } from '../../../components/JobProgress';
import type { DocAction, DocState } from '../docState';
import type { ExportFormat } from './useNotebookExport';

/** Undo and Redo: each enabled while its history has a step. */
const HISTORY = [
  { action: 'undo', steps: 'past', label: 'Undo', title: 'Undo (Ctrl+Z)' },
  { action: 'redo', steps: 'future', label: 'Redo', title: 'Redo (Ctrl+Shift+Z)' },
] as const;

type Props = {
  state: DocState;
  dispatch: Dispatch<DocAction>;
  save: { label: string; error: string | null; conflict: number | null };
  exportJob: Job;
  exportAs(format: ExportFormat): void;
  running: boolean;
  runAll(): void;
  stop(): void;
};

export function EditorBar({
  state,
  dispatch,
  save,
  exportJob,
  exportAs,
  running,
  runAll,
  stop,
}: Props) {
  return (
    <div className="nb-editor-bar">
      {/* A one-line textarea, not an input: a long title wraps instead of being cut. */}
      <textarea
        className="nb-title-input"
        data-testid="notebook-title-input"
        aria-label="Notebook title"
        rows={1}
        value={state.nb.title}
        maxLength={300}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            e.currentTarget.blur();
          }
        }}
        onChange={(e) =>
          dispatch({ type: 'title', title: e.target.value.replace(/[\r\n]+/g, ' ') })
        }
        onBlur={(e) => {
          if (!e.target.value.trim()) dispatch({ type: 'title', title: 'Untitled notebook' });
        }}
      />
      {/* The tools move below the title as one group when the title needs the width. */}
      <div className="nb-tools">
        <span
          className={`nb-save-status ${save.error || save.conflict !== null ? 'error' : ''}`}
          data-testid="save-status"
          title={save.error ?? undefined}
        >
          {save.label}
        </span>
        {HISTORY.map((h) => (
          <button
            key={h.action}
            type="button"
            className="button small"
            data-testid={h.action}
            disabled={state[h.steps].length === 0}
            onClick={() => dispatch({ type: h.action })}
            title={h.title}
          >
            {h.label}
          </button>
        ))}
        {exportJob.running ? (
          <JobProgress
            progress={exportJob.progress}
            onCancel={exportJob.cancel}
            testId="notebook-export-progress"
          />
        ) : (
          <select
            className="select nb-export"
            aria-label="Export notebook"
            value=""
            onChange={(e) => {
              const f = e.target.value as ExportFormat | '';
              if (f) exportAs(f);
            }}
          >
            <option value="">Export…</option>
            <option value="md">Markdown</option>
            <option value="html">HTML</option>
            <option value="ipynb">Jupyter (.ipynb)</option>
          </select>
        )}
        {running ? (
          <button type="button" className="button small danger" data-testid="stop" onClick={stop}>
            Stop
          </button>
        ) : (
          <button
            type="button"
            className="button small primary"
            data-testid="run-all"
            onClick={runAll}
            title="Run all (Ctrl+Shift+Enter)"
          >
            Run all
          </button>
        )}
      </div>
    </div>
  );
}
