import type { ParentRole } from '@nestwerk/engine';
import { DAY, MONTH_DAYS } from './days.ts';
import { HOUSEHOLD_SHARES, type Household, PROFILE_SHARES, type Profile } from './frequencies.ts';
import { distinctName, NAME_GROUPS, type NameGroup } from './names.ts';
import type { Random } from './random.ts';

/**
 * The first family of each region is a perinatal case the demo can show: in Flanders a baby of six weeks whose
 * mother is due for her screening and whose father screened positive (demo/perinatal.ts), in the Netherlands a
 * pregnancy at 20 weeks, due for the mid-pregnancy screening.
 */
export type CuratedCase = 'be_six_weeks_postpartum' | 'nl_mid_pregnancy';

function curatedCase(region: 'nl' | 'be', regionalIndex: number): CuratedCase | null {
  if (regionalIndex !== 0) return null;
  return region === 'be' ? 'be_six_weeks_postpartum' : 'nl_mid_pregnancy';
}

export interface Caregiver {
  role: ParentRole;
  female: boolean;
  givenName: string;
  familyName: string;
  birthYear: number;
  lowEducation: boolean;
}

/** Who the family is: its name group, household, risk profile, the child's age or due date, its caregivers. */
export interface DrawnHousehold {
  group: NameGroup;
  curated: CuratedCase | null;
  unborn: boolean;
  household: Household;
  profile: Profile;
  /** Unborn: the weeks of pregnancy today. */
  gestationNow: number | null;
  /** Born: the child's age today in days. */
  ageDays: number | null;
  birthMs: number | null;
  dueMs: number | null;
  ageMonthsNow: number | null;
  firstChild: boolean;
  motherAge: number;
  caregivers: Caregiver[];
  childSurname: string;
}

const yearOf = (ms: number) => new Date(ms).getUTCFullYear();

const BUMP: Record<Profile, Profile> = {
  low: 'moderate',
  moderate: 'high',
  high: 'severe',
  severe: 'severe',
};

/** The first draws of a family, in the order the generator has always made them (the demo's data depends on it). */
export function drawHousehold(
  rng: Random,
  region: 'nl' | 'be',
  regionalIndex: number,
  today: number,
): DrawnHousehold {
  const group: NameGroup = rng.weightedItem(NAME_GROUPS[region]);
  const curated = curatedCase(region, regionalIndex);
  const unborn = curated ? curated === 'nl_mid_pregnancy' : rng.chance(0.1);
  let household: Household = rng.weighted(HOUSEHOLD_SHARES);
  if (curated) household = 'mother_father';
  if (unborn && (household === 'foster' || household === 'adoptive')) household = 'mother_father';
  let profile: Profile = rng.weighted(PROFILE_SHARES);
  if ((household === 'mother_alone' || household === 'father_alone' || group.refugee) && rng.chance(0.3))
    profile = BUMP[profile];

  // The child: unborn (due date) or 0–6 years.
  const drawnGestation = unborn ? rng.int(10, 39) : null;
  const drawnAge = unborn ? null : rng.int(0, 6 * 365 + 1);
  const gestationNow = curated === 'nl_mid_pregnancy' ? 20 : drawnGestation;
  const ageDays = curated === 'be_six_weeks_postpartum' ? 43 : drawnAge;
  const birthMs = ageDays === null ? null : today - ageDays * DAY;
  const dueMs = gestationNow === null ? null : today + (40 - gestationNow) * 7 * DAY;
  const refMs = (birthMs ?? dueMs)!;
  const ageMonthsNow = ageDays === null ? null : ageDays / MONTH_DAYS;
  const firstChild = rng.chance(0.45);

  // Caregivers.
  const motherAge = Math.round(Math.min(45, Math.max(16, rng.normal(firstChild ? 30 : 32.5, 4.5))));
  const lowEducationRate = profile === 'low' ? 0.14 : profile === 'moderate' ? 0.22 : 0.35;
  const surname = () => rng.pick(group.surnames);
  const taken = new Set<string>();
  const caregiver = (role: ParentRole, female: boolean, ageAtRef: number, familyName: string): Caregiver => ({
    role,
    female,
    givenName: distinctName(rng.pick(female ? group.girls : group.boys), group, taken),
    familyName,
    birthYear: yearOf(refMs) - ageAtRef,
    lowEducation: rng.chance(lowEducationRate),
  });
  const fatherAge = Math.round(Math.min(60, Math.max(17, motherAge + rng.normal(2.5, 3))));
  const motherSurname = surname();
  const caregivers: Caregiver[] = [];
  let childSurname = motherSurname;
  switch (household) {
    case 'mother_father': {
      const fatherSurname = surname();
      childSurname = rng.chance(0.9) ? fatherSurname : motherSurname;
      caregivers.push(caregiver('mother', true, motherAge, motherSurname));
      caregivers.push(caregiver('father', false, fatherAge, fatherSurname));
      break;
    }
    case 'two_mothers':
      caregivers.push(caregiver('mother', true, motherAge, motherSurname));
      caregivers.push(caregiver('co_parent', true, fatherAge, surname()));
      break;
    case 'mother_alone':
      caregivers.push(caregiver('mother', true, motherAge, motherSurname));
      break;
    case 'father_alone':
      childSurname = surname();
      caregivers.push(caregiver('father', false, fatherAge, childSurname));
      break;
    case 'mother_stepfather':
      caregivers.push(caregiver('mother', true, motherAge, motherSurname));
      caregivers.push(caregiver('step_parent', false, fatherAge, surname()));
      break;
    case 'mother_grandmother':
      caregivers.push(caregiver('mother', true, motherAge, motherSurname));
      caregivers.push(caregiver('grandparent', true, motherAge + rng.int(20, 30), motherSurname));
      break;
    case 'foster':
    case 'adoptive': {
      const role = household === 'foster' ? 'foster_parent' : 'adoptive_parent';
      const parentsSurname = surname();
      if (household === 'foster') childSurname = surname();
      else childSurname = parentsSurname;
      caregivers.push(caregiver(role, true, rng.int(33, 52), parentsSurname));
      caregivers.push(caregiver(role, false, rng.int(34, 55), parentsSurname));
      break;
    }
  }
  return {
    group,
    curated,
    unborn,
    household,
    profile,
    gestationNow,
    ageDays,
    birthMs,
    dueMs,
    ageMonthsNow,
    firstChild,
    motherAge,
    caregivers,
    childSurname,
  };
}
