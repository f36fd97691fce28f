// The Experiment mode's settings row: which sweep, its parameters, Run sweep and Cancel.
import type { ReactElement } from 'react';
import { clampInt, parseMeanDegrees, type ExperimentSettings } from './experimentSettings';
import { NumberInput } from './NumberInput';

type IntKey = 'n' | 'steps' | 'repeats';
const INT_BOUNDS: Record<IntKey, [number, number]> = {
  n: [2, 1_000_000],
  steps: [1, 10_000],
  repeats: [1, 1000],
};

export function ExperimentForm(props: {
  settings: ExperimentSettings;
  running: boolean;
  onSettings(s: ExperimentSettings): void;
  onRun(): void;
  onCancel(): void;
}): ReactElement {
  const { settings: s } = props;
  const set = (patch: Partial<ExperimentSettings>) => props.onSettings({ ...s, ...patch });
  /** An integer setting, named as its key, kept within the schema's bounds. */
  const intField = (key: IntKey) => {
    const [lo, hi] = INT_BOUNDS[key];
    return (
      <NumberInput
        label={key}
        testId={`graph-experiment-${key}`}
        value={s[key]}
        min={lo}
        onChange={(v) => set({ [key]: clampInt(v, lo, hi) })}
      />
    );
  };
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
          {intField('n')}
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
      {s.kind === 'robustness' && intField('steps')}
      {intField('repeats')}
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
