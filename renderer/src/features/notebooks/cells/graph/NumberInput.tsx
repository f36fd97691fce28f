// The graph cell's labelled number input: commits every finite value as it is typed (the form's
// fields and the experiment's), ignoring a half-typed one.
import type { ReactElement } from 'react';

export function NumberInput(props: {
  label: string;
  value: number;
  testId: string;
  step?: number;
  min?: number;
  max?: number;
  onChange(v: number): void;
}): ReactElement {
  return (
    <label>
      <span>{props.label}</span>
      <input
        type="number"
        className="graph-number"
        data-testid={props.testId}
        value={props.value}
        step={props.step ?? 1}
        min={props.min}
        max={props.max}
        onChange={(e) => {
          const v = e.target.valueAsNumber;
          if (Number.isFinite(v)) props.onChange(v);
        }}
      />
    </label>
  );
}
