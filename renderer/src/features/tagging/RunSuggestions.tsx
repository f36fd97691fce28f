// "Run suggestions": picks a tagger and runs tagging:suggest as a job with a progress bar and Cancel.
import { useEffect, useRef, useState } from 'react';
import type { Progress } from '../../../../shared/api/contract';
import { QuireError } from '../../../../shared/api/errors';
import type { SuggestRunResult } from '../../../../shared/api/tagging-contract';
import { TAGGER_NAMES, type TaggerName } from '../../../../shared/api/tagging-contract';
import { useApi } from '../../apiContext';
import { TAGGER_LABELS, errorMessage } from './format';

type Choice = 'auto' | TaggerName;

const CHOICES: { value: Choice; label: string }[] = [
  { value: 'auto', label: 'Auto (best available)' },
  ...TAGGER_NAMES.map((t) => ({ value: t, label: TAGGER_LABELS[t] })),
];

type Props = {
  disabled?: boolean;
  /** After a run that finished or was cancelled (suggestions may have been stored either way). */
  onDone(result: SuggestRunResult | null): void;
  /** Bumping it starts a run (from the command palette). */
  runNonce?: number;
};

function summary(r: SuggestRunResult): string {
  const pending = r.suggestions.length;
  const parts = [
    `${r.cancelled ? 'Cancelled: ' : ''}${r.created.toLocaleString()} new ${r.created === 1 ? 'suggestion' : 'suggestions'}`,
    `${pending.toLocaleString()} waiting for review`,
  ];
  if (r.notTagged.length)
    parts.push(`${r.notTagged.length} ${r.notTagged.length === 1 ? 'paper' : 'papers'} not tagged`);
  return `${parts.join(' · ')} (${r.tagger}${r.model ? `, ${r.model}` : ''})`;
}

export function RunSuggestions({ disabled, onDone, runNonce }: Props) {
  const api = useApi();
  const [tagger, setTagger] = useState<Choice>('auto');
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [result, setResult] = useState<SuggestRunResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Counts finished runs, so a test (or a screen reader) can tell a new result from the last one.
  const [runs, setRuns] = useState(0);
  const abort = useRef<AbortController | null>(null);
  const live = useRef(true);
  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
    };
  }, []);

  const run = async () => {
    if (abort.current) return;
    const controller = new AbortController();
    abort.current = controller;
    setRunning(true);
    setProgress(null);
    setResult(null);
    setError(null);
    let res: SuggestRunResult | null = null;
    try {
      res = await api.call(
        'tagging:suggest',
        { tagger },
        { signal: controller.signal, onProgress: (p) => live.current && setProgress(p) },
      );
      if (live.current) setResult(res);
    } catch (err) {
      if (!live.current) return;
      if (err instanceof QuireError && err.code === 'cancelled') setError('Cancelled.');
      else setError(errorMessage(err));
    } finally {
      abort.current = null;
      if (live.current) {
        setRunning(false);
        setRuns((n) => n + 1);
        onDone(res);
      }
    }
  };

  const runRef = useRef(run);
  useEffect(() => {
    runRef.current = run;
  });
  useEffect(() => {
    if (runNonce) void runRef.current();
  }, [runNonce]);

  const percent =
    progress && progress.total ? Math.round((100 * progress.done) / progress.total) : null;

  return (
    <div className="run-suggestions">
      <div className="run-row">
        <select
          className="select"
          aria-label="Tagger"
          data-testid="run-tagger"
          value={tagger}
          disabled={running}
          onChange={(e) => setTagger(e.target.value as Choice)}
        >
          {CHOICES.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
        {running ? (
          <button
            type="button"
            className="button"
            data-testid="run-cancel"
            onClick={() => abort.current?.abort()}
          >
            Cancel
          </button>
        ) : (
          <button
            type="button"
            className="button primary"
            data-testid="run-suggestions"
            disabled={disabled}
            onClick={() => void run()}
          >
            Run suggestions
          </button>
        )}
      </div>
      {running && (
        <div className="progress-block" data-testid="run-progress">
          <div className="progress-label">
            <span>
              {progress?.phase ?? 'Starting'}
              {progress?.message ? ` — ${progress.message}` : ''}
            </span>
            <span>
              {progress
                ? progress.total
                  ? `${progress.done.toLocaleString()} / ${progress.total.toLocaleString()}`
                  : progress.done.toLocaleString()
                : ''}
            </span>
          </div>
          <div
            className={`progress ${percent === null ? 'indeterminate' : ''}`}
            role="progressbar"
            aria-label="Suggestion progress"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent ?? undefined}
          >
            <div className="progress-fill" style={{ width: `${percent ?? 30}%` }} />
          </div>
        </div>
      )}
      {result && (
        <div className="run-result" data-testid="run-result" data-run={runs} role="status">
          <span>{summary(result)}</span>
          {result.warnings.map((w) => (
            <span key={w} className="run-warning">
              {w}
            </span>
          ))}
          {result.notTagged.length > 0 && (
            <details>
              <summary>Papers not tagged</summary>
              <ul>
                {result.notTagged.slice(0, 50).map((n) => (
                  <li key={n.paperId}>
                    <code>{n.paperId}</code>: {n.reason}
                  </li>
                ))}
              </ul>
            </details>
          )}
        </div>
      )}
      {error && (
        <p className="field-error" role="alert" data-testid="run-error" data-run={runs}>
          {error}
        </p>
      )}
    </div>
  );
}
