import { useLayoutEffect } from 'react';
import { useLocation, useNavigationType } from 'react-router';

/** Navigation state a screen may pass to stay where the nurse is (a draft saved under a new address). */
export interface KeepScrollState {
  keepScroll?: boolean;
}

/**
 * The browser keeps the window's scroll position across client-side navigations, so a long screen (the
 * contact moment) left the next one opening thousands of pixels down, past its success message. Every new
 * page starts at the top; an address with a #fragment is left to useHashTarget, which scrolls to the thing
 * it names; Back and Forward (POP) keep what the browser restores.
 */
export function useScrollOnNavigate(): void {
  const location = useLocation();
  const type = useNavigationType();
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once per navigation, keyed by location.key
  useLayoutEffect(() => {
    if (type === 'POP') return;
    if ((location.state as KeepScrollState | null)?.keepScroll) return;
    if (location.hash.length > 1) return;
    window.scrollTo(0, 0);
  }, [location.key]);
}
