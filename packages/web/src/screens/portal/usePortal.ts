import { useQuery } from '@tanstack/react-query';
import type { PortalT } from './i18n.ts';
import { portalApi } from './session.tsx';

export const PORTAL_RECORD_KEY = ['portal', 'record'] as const;
export const PORTAL_CONSENTS_KEY = ['portal', 'consents'] as const;

export function usePortalRecord() {
  return useQuery({ queryKey: PORTAL_RECORD_KEY, queryFn: () => portalApi.call('GET /api/portal/record') });
}

/** "7 maanden", "2 jaar": whole months under two years, then years. */
export function ageText(t: PortalT, months: number): string {
  if (months < 1) return t('age.weeks', { count: Math.max(1, Math.round(months * 4.35)) });
  if (months < 24) return t('age.months', { count: months });
  return t('age.years', { count: Math.floor(months / 12) });
}
