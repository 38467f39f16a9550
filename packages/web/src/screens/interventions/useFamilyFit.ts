import type { Intervention } from '@nestwerk/knowledge';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { Person } from '../../api/types.ts';
import { useLocale } from '../../app/locale.tsx';
import { type AgeOn, ageOn, ageText } from '../shared/age.ts';
import { fitsFamily } from './filter.ts';

function youngest(children: Person[]): Person | undefined {
  const key = (c: Person) => c.birthDate ?? c.dueDate ?? '';
  return [...children].sort((a, b) => key(b).localeCompare(key(a)))[0];
}

export interface FamilyFit {
  age: Exclude<AgeOn, null> | null;
  banner: string | null;
  /** Whether the family has a contact with the engine's advice: without it nothing can be said to fit. */
  advised: boolean;
  /** What the engine recommended at the latest contact. */
  recommended: string[];
  /** Recommended for this family, and suiting the child's age now and the region. */
  fits(item: Intervention): boolean;
}

/**
 * The family at hand, for the catalogue: what the engine recommended at the latest contact with advice,
 * checked against the youngest child's age today and the region. Age alone is not a fit: a 4-month-old
 * does not make every programme for babies right for this family.
 */
export function useFamilyFit(familyId: string | null): FamilyFit {
  const { t } = useTranslation();
  const { region, date } = useLocale();
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
  const none: FamilyFit = { age: null, banner: null, advised: false, recommended: [], fits: () => false };
  if (!family.data) return none;
  const child = youngest(family.data.children);
  const age = child ? ageOn(child) : null;
  const assessment = contact.data?.assessment ?? null;
  const recommended = assessment?.recommendations.flatMap((r) => r.interventions) ?? [];
  const advised = assessment !== null;
  const params =
    child && age ? { family: family.data.name, child: child.givenName, age: ageText(t, age) } : null;
  return {
    age,
    advised,
    recommended,
    banner: params
      ? advised && lastContact
        ? t('interventions.familyBanner', { ...params, date: date(lastContact.date) })
        : t('interventions.familyNoAdvice', params)
      : null,
    fits: (item) => fitsFamily(item, { recommended, age, region }),
  };
}
