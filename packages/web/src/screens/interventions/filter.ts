import { ageFits, type ChildAge } from '@nestwerk/engine';
import type {
  EffectivenessLevel,
  Intervention,
  InterventionSetting,
  Lang,
  Region,
} from '@nestwerk/knowledge';

export interface CatalogueFilter {
  /** Months since birth; null = any age. */
  ageMonths: number | null;
  /** Only what runs during pregnancy. */
  pregnancy: boolean;
  setting: InterventionSetting | 'all';
  target: string;
  effectiveness: EffectivenessLevel | 'all';
  region: Region | 'all';
}

export const EFFECTIVENESS_ORDER: EffectivenessLevel[] = [
  'strong_indications',
  'good_indications',
  'first_indications',
  'well_founded_in_theory',
  'practice_based',
  'not_rated',
];

/** Lower case without accents, so "geindiceerd" finds "geïndiceerd". */
export function fold(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

export function fitsAge(item: Intervention, age: ChildAge): boolean {
  return ageFits(item.ages, age);
}

/**
 * "Past bij dit gezin": what the engine recommended for the family, still suiting the child's age today and
 * offered in the region. Without recommendations nothing fits, whatever the age.
 */
export function fitsFamily(
  item: Intervention,
  family: { recommended: readonly string[]; age: ChildAge | null; region: Region },
): boolean {
  return (
    family.recommended.includes(item.code) &&
    item.regions.includes(family.region) &&
    (family.age === null || fitsAge(item, family.age))
  );
}

export function filterInterventions(
  list: readonly Intervention[],
  f: CatalogueFilter,
  lang: Lang,
): Intervention[] {
  const needle = fold(f.target.trim());
  return list
    .filter((item) => {
      if (f.region !== 'all' && !item.regions.includes(f.region)) return false;
      if (f.setting !== 'all' && item.setting !== f.setting) return false;
      if (f.effectiveness !== 'all' && item.effectiveness !== f.effectiveness) return false;
      if (f.pregnancy && item.ages.minGestationWeeks === undefined) return false;
      if (f.ageMonths !== null && !fitsAge(item, { born: true, months: f.ageMonths })) return false;
      if (needle) {
        const haystack = fold(
          [
            item.name,
            item.label.nl,
            item.label.en,
            item.targetGroup.nl,
            item.targetGroup.en,
            item.targetGroup.nlBE ?? '',
          ]
            .concat(lang === 'en' ? [item.description.en] : [item.description.nl])
            .join(' '),
        );
        if (!haystack.includes(needle)) return false;
      }
      return true;
    })
    .sort(
      (a, b) =>
        EFFECTIVENESS_ORDER.indexOf(a.effectiveness) - EFFECTIVENESS_ORDER.indexOf(b.effectiveness) ||
        a.name.localeCompare(b.name),
    );
}
