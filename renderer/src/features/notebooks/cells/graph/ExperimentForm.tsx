// The Experiment mode's settings row: which sweep, its parameters, Run sweep and Cancel.
import type { ReactElement } from 'react';
import { clampInt, parseMeanDegrees, type ExperimentSettings } from './experimentSettings';
import { NumberInput } from './NumberInput';

export function ExperimentForm(props: {
  settings: ExperimentSettings;
  running: boolean;
  onSettings(s: ExperimentSettings): void;
  onRun(): void;
  onCancel(): void;
}): ReactElement {
  const { settings: s } = props;
  const set = (patch: Partial<ExperimentSettings>) => props.onSettings({ ...s, ...patch });
  return (
    <div className="graph-form">
      <label>
        <span>Sweep</span>
        <select
          className="select"
          data-testid="graph-experiment-kind"
          value={s.kind}
          onChange={(e) => set({ kind: e.target.value as ExperimentSettings['kind'] })}
        >
          <option value="giant-component">Giant component of G(n, p) vs mean degree</option>
          <option value="robustness">Robustness of this graph: random vs targeted removal</option>
        </select>
      </label>
      {s.kind === 'giant-component' && (
        <>
          <NumberInput
            label="n"
            testId="graph-experiment-n"
            value={s.n}
            min={2}
            onChange={(v) => set({ n: clampInt(v, 2, 1_000_000) })}
          />
          <label>
            <span>mean degrees</span>
            <input
              type="text"
              className="graph-text"
              data-testid="graph-experiment-degrees"
              value={s.meanDegrees}
              onChange={(e) => set({ meanDegrees: e.target.value })}
            />
          </label>
        </>
      )}
      {s.kind === 'robustness' && (
        <NumberInput
          label="steps"
          testId="graph-experiment-steps"
          value={s.steps}
          min={1}
          onChange={(v) => set({ steps: clampInt(v, 1, 10_000) })}
        />
      )}
      <NumberInput
        label="repeats"
        testId="graph-experiment-repeats"
        value={s.repeats}
        min={1}
        onChange={(v) => set({ repeats: clampInt(v, 1, 1000) })}
      />
      <button
        type="button"
        className="button primary"
        data-testid="graph-experiment-run"
        disabled={
          props.running ||
          (s.kind === 'giant-component' && parseMeanDegrees(s.meanDegrees).length === 0)
        }
        onClick={props.onRun}
      >
        {props.running ? 'Running…' : 'Run sweep'}
      </button>
      {props.running && (
        <button
          type="button"
          className="button"
          data-testid="graph-experiment-cancel"
          onClick={props.onCancel}
        >
          Cancel
        </button>
      )}
    </div>
  );
}
