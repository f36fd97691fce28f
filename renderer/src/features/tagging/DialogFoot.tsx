// The foot of a tagging dialog: Cancel, then the one button that does the thing.
type Props = {
  onCancel(): void;
  onConfirm(): void;
  disabled: boolean;
  /** `primary` or `danger`. */
  tone: 'primary' | 'danger';
  testId: string;
  label: string;
};

export function DialogFoot({ onCancel, onConfirm, disabled, tone, testId, label }: Props) {
  return (
    <div className="modal-foot">
      <button type="button" className="button" onClick={onCancel}>
        Cancel
      </button>
      <button
        type="button"
        className={`button ${tone}`}
        data-testid={testId}
        disabled={disabled}
        onClick={onConfirm}
      >
        {label}
      </button>
    </div>
  );
}
