import { useCallback, useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';

/**
 * Screen state kept in the address (so back, reload and a shared link return to the same view), applied at
 * once. react-router commits navigations in a transition, so a control bound straight to the URL would
 * flick back for a moment after a click; this mirror updates in the same event and follows the address
 * when it changes from outside (back button).
 */
export function useSearchState(): [
  URLSearchParams,
  (change: (current: URLSearchParams) => URLSearchParams, options?: { replace?: boolean }) => void,
] {
  const [urlParams, setUrlParams] = useSearchParams();
  const key = urlParams.toString();
  const [params, setParams] = useState(() => new URLSearchParams(key));
  const latest = useRef(params);

  useEffect(() => {
    const fromUrl = new URLSearchParams(key);
    latest.current = fromUrl;
    setParams(fromUrl);
  }, [key]);

  const update = useCallback(
    (change: (current: URLSearchParams) => URLSearchParams, options: { replace?: boolean } = {}) => {
      const next = change(new URLSearchParams(latest.current));
      latest.current = next;
      setParams(next);
      setUrlParams(next, { replace: options.replace ?? false });
    },
    [setUrlParams],
  );
  return [params, update];
}
