// A number input that keeps what the user types as a draft and commits a parsed number on blur
// (blank commits undefined), so half-typed values such as "1e" or "-" never reach the model.
import { useState, type ReactElement } from 'react';

export function NumberField(props: {
  value: number | undefined;
  onCommit(v: number | undefined): void;
  label: string;
  testId?: string;
  placeholder?: string;
  className?: string;
  /** Values at or beyond this magnitude are shown blank (an open bound stored as a huge number). */
  openBeyond?: number;
}): ReactElement {
  const open = props.openBeyond ?? Infinity;
  const shown =
    props.value === undefined || Math.abs(props.value) >= open ? '' : String(props.value);
  const [draft, setDraft] = useState(shown);
  const [prevShown, setPrevShown] = useState(shown);
  if (prevShown !== shown) {
    setPrevShown(shown);
    setDraft(shown);
  }
  return (
    <input
      className={props.className ?? 'number-field'}
      aria-label={props.label}
      data-testid={props.testId}
      inputMode="decimal"
      placeholder={props.placeholder}
      value={draft}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={() => {
        const t = draft.trim();
        const v = t === '' ? undefined : Number(t);
        if (v === undefined || Number.isFinite(v)) props.onCommit(v);
        else setDraft(shown);
      }}
    />
  );
}
