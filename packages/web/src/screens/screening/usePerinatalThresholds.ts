import { DEFAULT_PERINATAL_THRESHOLDS, type PerinatalThresholds } from '@nestwerk/knowledge';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

/**
 * The organisation's perinatal cut-offs, so the live outcome in the browser is the one the server stores.
 * Until they arrive (or if they cannot be read) the documented defaults apply.
 */
export function usePerinatalThresholds(): PerinatalThresholds {
  const setting = useQuery({
    queryKey: ['perinatal-thresholds'],
    queryFn: () => api.call('GET /api/organisation/perinatal-thresholds'),
    staleTime: 5 * 60_000,
    retry: false,
  });
  return setting.data?.thresholds ?? DEFAULT_PERINATAL_THRESHOLDS;
}
