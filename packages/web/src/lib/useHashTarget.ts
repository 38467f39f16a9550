import { useEffect } from 'react';
import { useLocation } from 'react-router';

/**
 * Brings the element named by the address's #fragment into view and gives it focus once it is rendered:
 * links from the advice panel land on the intervention, instrument or source they name.
 */
export function useHashTarget(ready = true): void {
  const { hash } = useLocation();
  useEffect(() => {
    if (!ready || hash.length < 2) return;
    const target = document.getElementById(decodeURIComponent(hash.slice(1)));
    if (!target) return;
    target.scrollIntoView({ block: 'start' });
    if (target.tabIndex >= -1) target.focus({ preventScroll: true });
  }, [hash, ready]);
}
