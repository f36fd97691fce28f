// Runs a callback when the page goes away or to the background: React does not unmount on unload,
// so pending edits are sent from here (reload, closing the window, switching tabs).
import { useEffect } from 'react';

export function usePageHide(onHide: () => void): void {
  useEffect(() => {
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') onHide();
    };
    window.addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [onHide]);
}
