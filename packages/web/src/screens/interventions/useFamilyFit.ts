import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { Person } from '../../api/types.ts';
import { type AgeOn, ageOn, ageText } from '../shared/age.ts';

function youngest(children: Person[]): Person | undefined {
  const key = (c: Person) => c.birthDate ?? c.dueDate ?? '';
  return [...children].sort((a, b) => key(b).localeCompare(key(a)))[0];
}

/**
 * The family at hand, for the catalogue: the youngest child's age (what fits) and the interventions the
 * engine recommended at the latest contact (what was advised).
 */
export function useFamilyFit(familyId: string | null): {
  age: Exclude<AgeOn, null> | null;
  banner: string | null;
  recommended: string[];
} {
  const { t } = useTranslation();
  const family = useQuery({
    queryKey: ['family', familyId],
    queryFn: () => api.call('GET /api/families/:id', { params: { id: familyId ?? '' } }),
    enabled: familyId !== null,
  });
  const lastContact = family.data
    ? [...family.data.contacts].sort((a, b) => b.date.localeCompare(a.date))[0]
    : undefined;
  const contact = useQuery({
    queryKey: ['contact', lastContact?.id],
    queryFn: () => api.call('GET /api/contacts/:id', { params: { id: lastContact?.id ?? '' } }),
    enabled: lastContact !== undefined,
  });
  if (!family.data) return { age: null, banner: null, recommended: [] };
  const child = youngest(family.data.children);
  const age = child ? ageOn(child) : null;
  const recommended = contact.data?.assessment?.recommendations.flatMap((r) => r.interventions) ?? [];
  return {
    age,
    banner:
      child && age
        ? t('interventions.familyBanner', {
            family: family.data.name,
            child: child.givenName,
            age: ageText(t, age),
          })
        : null,
    recommended,
  };
}
