import type { Caregiver } from '@nestwerk/contract';
import { type CaregiverRole, SCREENED_ROLES } from '@nestwerk/knowledge';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

type Named = { givenName: string; role?: CaregiverRole | null };

/** "Lotte (moeder)": a parent named the way the nurse knows them, with the role that decides the cut-off. */
export function useParentName(): (person: Named) => string {
  const { t } = useTranslation();
  return useCallback(
    (person: Named) =>
      person.role ? `${person.givenName} (${t(`common.roles.${person.role}`)})` : person.givenName,
    [t],
  );
}

/** The caregivers who are screened: mothers, fathers and co-parents (DESIGN §2.11). */
export function screenedParents<T extends Pick<Caregiver, 'role'>>(caregivers: readonly T[]): T[] {
  return caregivers.filter((c) => c.role !== null && SCREENED_ROLES.includes(c.role));
}
