// The shell's one toast: the latest message replaces the previous one.
import { useCallback, useState } from 'react';
import type { ToastMessage } from '../components/Toast';

export type ShowToast = (t: Omit<ToastMessage, 'id'>) => void;

let toastIds = 0;

export function useToast(): { toast: ToastMessage | null; showToast: ShowToast; dismiss(): void } {
  const [toast, setToast] = useState<ToastMessage | null>(null);
  const showToast = useCallback<ShowToast>((t) => setToast({ ...t, id: ++toastIds }), []);
  const dismiss = useCallback(() => setToast(null), []);
  return { toast, showToast, dismiss };
}
