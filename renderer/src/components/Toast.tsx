// One transient message at the bottom of the window, with an optional action (e.g. Undo).
import { useEffect } from 'react';

export type ToastMessage = {
  id: number;
  text: string;
  tone?: 'info' | 'error';
  action?: { label: string; run: () => void; testId?: string };
};

type Props = { toast: ToastMessage | null; onDismiss: () => void; timeoutMs?: number };

export function Toast({ toast, onDismiss, timeoutMs = 8000 }: Props) {
  useEffect(() => {
    if (!toast) return;
    const t = setTimeout(onDismiss, timeoutMs);
    return () => clearTimeout(t);
  }, [toast, onDismiss, timeoutMs]);

  if (!toast) return null;
  return (
    <div className="toast-region" role="status" aria-live="polite">
      <div className={`toast ${toast.tone === 'error' ? 'toast-error' : ''}`} data-testid="toast">
        <span>{toast.text}</span>
        {toast.action && (
          <button
            type="button"
            className="toast-action"
            data-testid={toast.action.testId}
            onClick={() => {
              toast.action?.run();
              onDismiss();
            }}
          >
            {toast.action.label}
          </button>
        )}
        <button type="button" className="toast-close" aria-label="Dismiss" onClick={onDismiss}>
          ×
        </button>
      </div>
    </div>
  );
}
