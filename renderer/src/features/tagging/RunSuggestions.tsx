// "Run suggestions": picks a tagger and runs tagging:suggest as a job with a progress bar and Cancel.
import { useEffect, useRef, useState } from 'react';
import type { SuggestRunResult } from '@shared/api/tagging-contract';
import { TAGGER_NAMES } from '@shared/api/tagging-contract';
import { TAGGER_LABELS } from './format';
import { RunProgress } from './RunProgress';
import { RunResult } from './RunResult';
import { useSuggestRun, type Choice } from './useSuggestRun';

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

export function RunSuggestions({ disabled, onDone, runNonce }: Props) {
  const [tagger, setTagger] = useState<Choice>('auto');
  const { running, progress, result, error, runs, run, cancel } = useSuggestRun(onDone);

  const runRef = useRef(() => run(tagger));
  useEffect(() => {
    runRef.current = () => run(tagger);
  });
  useEffect(() => {
    if (runNonce) void runRef.current();
  }, [runNonce]);

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
          <button type="button" className="button" data-testid="run-cancel" onClick={cancel}>
            Cancel
          </button>
        ) : (
          <button
            type="button"
            className="button primary"
            data-testid="run-suggestions"
            disabled={disabled}
            onClick={() => void run(tagger)}
          >
            Run suggestions
          </button>
        )}
      </div>
      {running && <RunProgress progress={progress} />}
      {result && <RunResult result={result} runs={runs} />}
      {error && (
        <p className="field-error" role="alert" data-testid="run-error" data-run={runs}>
          {error}
        </p>
      )}
    </div>
  );
}
