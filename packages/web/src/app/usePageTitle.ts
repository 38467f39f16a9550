import { type RefObject, useEffect } from 'react';

/**
 * Each page's own document title ("Werklijst – Nestwerk"), for tabs, history and the screen reader's
 * announcement of a new page: taken from the page's heading as it renders, so no screen can forget it.
 * A heading with `data-page-title` gives a longer title than it shows ("Gezin Jansen" for "Jansen").
 */
export function usePageTitle(main: RefObject<HTMLElement | null>, app: string): void {
  useEffect(() => {
    const root = main.current;
    if (!root) return;
    const update = () => {
      const heading = root.querySelector('h1');
      const page = heading?.getAttribute('data-page-title') ?? heading?.textContent?.trim();
      const title = page ? `${page} – ${app}` : app;
      if (document.title !== title) document.title = title;
    };
    update();
    const observer = new MutationObserver(update);
    observer.observe(root, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
      attributeFilter: ['data-page-title'],
    });
    return () => observer.disconnect();
  }, [main, app]);
}
