import {
  type AssessmentInput,
  assess,
  assessmentInputForContact,
  completedMonths,
  type FactorValue,
  type ParentRole,
} from '@nestwerk/engine';
import {
  type CueCode,
  type FactorCode,
  HINDERING_FACTOR_CODES,
  type HinderingFactorCode,
  INSECURE_CUE_CODES,
  knowledge,
  PROBLEMATIC_CUE_CODES,
  PROTECTIVE_FACTOR_CODES,
  type ProtectiveFactorCode,
  type ReferralCriterionCode,
  SAFE_CUE_CODES,
} from '@nestwerk/knowledge';
import type { Insertable } from 'kysely';
import type {
  AgreementTable,
  AssessmentTable,
  Band,
  CareRelationshipTable,
  ConsentTable,
  ContactTable,
  ContactType,
  FamilyTable,
  ObservationTable,
  PersonTable,
} from '../db/schema.ts';
import { personSearchKey, searchKey } from '../db/search-key.ts';
import { balanceSummary } from '../domain/contact-rows.ts';
import {
  CHILD_FACTOR_MIN_MONTHS,
  CRYING_PERSISTS,
  DUE_TODAY,
  FACTOR_MAX_MONTHS,
  HINDERING_BASE,
  HINDERING_RECORDED,
  HOUSEHOLD_SHARES,
  type Household,
  MISSED_APPOINTMENT,
  PROFILE_FACTOR_MULTIPLIER,
  PROFILE_PROTECTIVE,
  PROFILE_SHARES,
  PROTECTIVE_OPPOSITE,
  PROTECTIVE_RECORDED,
  type Profile,
  QUALITY_BY_PROFILE,
  type Quality,
  SCREENING_FACTORS,
} from './frequencies.ts';
import { NAME_GROUPS, type NameGroup, PLACES } from './names.ts';
import { demoId, Random } from './random.ts';
import { familyRegion, type StaffPlan } from './staff.ts';

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

export interface FamilyRows {
  /** Set for the perinatal showcase families. */
  curated: CuratedCase | null;
  family: Insertable<FamilyTable>;
  persons: Insertable<PersonTable>[];
  careRelationships: Insertable<CareRelationshipTable>[];
  contacts: Insertable<ContactTable>[];
  observations: Insertable<ObservationTable>[];
  assessments: Insertable<AssessmentTable>[];
  agreements: Insertable<AgreementTable>[];
  consents: Insertable<ConsentTable>[];
}

export interface FamilyContext {
  seed: string;
  /** Midnight UTC of the day the data is generated for: all dates are relative to it. */
  today: number;
  staff: StaffPlan;
}

const DAY = 86_400_000;
const MONTH_DAYS = 30.4375;
/** Regular contacts shown per child: enough for a timeline, bounded so 10^5 families stay a few GB. */
const REGULAR_CONTACTS_KEPT = 3;

/**
 * The JGZ schedule of contacts (months of age), who usually does them: the physician (jeugdarts) at some,
 * the nurse at the others; the first is a home visit.
 */
const SCHEDULE: ReadonlyArray<{ months: number; physician?: boolean }> = [
  { months: 0.5 },
  { months: 1, physician: true },
  { months: 2 },
  { months: 3, physician: true },
  { months: 4 },
  { months: 6, physician: true },
  { months: 7.5 },
  { months: 9 },
  { months: 11, physician: true },
  { months: 14 },
  { months: 18 },
  { months: 24 },
  { months: 36 },
  { months: 45, physician: true },
  { months: 69 },
];

const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const yearOf = (ms: number) => new Date(ms).getUTCFullYear();
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function pickWeighted<T>(rng: Random, pairs: ReadonlyArray<readonly [T, number]>): T {
  const total = pairs.reduce((s, [, w]) => s + w, 0);
  let r = rng.next() * total;
  for (const [item, w] of pairs) {
    r -= w;
    if (r < 0) return item;
  }
  return pairs[pairs.length - 1]![0];
}

interface Caregiver {
  role: ParentRole;
  female: boolean;
  givenName: string;
  familyName: string;
  birthYear: number;
  lowEducation: boolean;
}

interface PlannedContact {
  ms: number;
  type: ContactType;
  professionalId: string;
  /** Born: age in months; unborn: null. */
  ageMonths: number | null;
  gestationWeeks: number | null;
}

const BUMP: Record<Profile, Profile> = {
  low: 'moderate',
  moderate: 'high',
  high: 'severe',
  severe: 'severe',
};
const QUALITY_BAND: Record<Quality, Band> = {
  safe: 'safe',
  insecure: 'insecure',
  problematic: 'problematic_suspected',
};

/** One synthetic family with its whole file. Pure: the same seed, index and day give the same rows. */
export function generateFamily(index: number, ctx: FamilyContext): FamilyRows {
  const rng = new Random(`${ctx.seed}:family:${index}`);
  const { today } = ctx;
  const { region, regionalIndex } = familyRegion(index);
  const staff = ctx.staff[region];
  const nurseIndex = regionalIndex % staff.nurseIds.length;
  const nurseId = staff.nurseIds[nurseIndex]!;
  const teamIndex = nurseIndex % staff.teamIds.length;
  const teamId = staff.teamIds[teamIndex]!;
  const physicianId = staff.physicianIds[teamIndex]!;

  const group: NameGroup = pickWeighted(rng, NAME_GROUPS[region]);
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
  const caregiver = (role: ParentRole, female: boolean, ageAtRef: number, familyName: string): Caregiver => ({
    role,
    female,
    givenName: rng.pick(female ? group.girls : group.boys),
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
  const main = caregivers[0]!;

  // Hindering factors the family carries (whether and when they are recorded comes later).
  const hindering = new Set<HinderingFactorCode>();
  const multiplier = PROFILE_FACTOR_MULTIPLIER[profile];
  for (const code of HINDERING_FACTOR_CODES) {
    const base = HINDERING_BASE[code];
    if (base !== undefined && rng.chance(Math.min(0.9, base * multiplier))) hindering.add(code);
  }
  if (caregivers.length === 1) hindering.add('parent_absent');
  if (caregivers.some((c) => c.role === 'mother') && motherAge < 20) hindering.add('teenage_mother');
  if (group.refugee && rng.chance(0.7)) hindering.add('refugee_family');
  if (household === 'foster' || household === 'adoptive') hindering.add('adoption_or_foster_care');
  if (hindering.has('preterm_birth') && rng.chance(0.5)) hindering.add('low_birth_weight');
  if (hindering.has('parent_depression') && rng.chance(0.5)) hindering.add('parent_stress');
  if (profile === 'severe') hindering.add(rng.chance(0.5) ? 'domestic_violence' : 'maltreatment_or_neglect');

  const protective = new Set<ProtectiveFactorCode>();
  const twoParents = ['mother_father', 'two_mothers', 'foster', 'adoptive'].includes(household);
  for (const code of PROTECTIVE_FACTOR_CODES) {
    if (PROTECTIVE_OPPOSITE[code].some((h) => hindering.has(h))) continue;
    if ((code === 'both_parents_present' || code === 'stable_supportive_partner') && !twoParents) continue;
    if (code === 'completed_education' && main.lowEducation) continue;
    if (code === 'small_family' && !firstChild && rng.chance(0.5)) continue;
    if (rng.chance(PROFILE_PROTECTIVE[profile])) protective.add(code);
  }
  const quality: Quality = rng.weighted(QUALITY_BY_PROFILE[profile]);
  const cryingPersists = rng.chance(CRYING_PERSISTS);

  // Contacts over time: the prenatal visit, the last few regular ones, an extra visit when there is concern.
  const planned: PlannedContact[] = [];
  if (gestationNow !== null && gestationNow >= 16) {
    const at = rng.int(16, gestationNow);
    planned.push(prenatal(today - (gestationNow - at) * 7 * DAY, at, nurseId));
  } else if (birthMs !== null && ageDays !== null && ageDays < 183 && rng.chance(0.5)) {
    const at = rng.int(28, 36);
    planned.push(prenatal(birthMs - (40 - at) * 7 * DAY, at, nurseId));
  }
  if (birthMs !== null && ageMonthsNow !== null) {
    const regular: Array<Omit<PlannedContact, 'ageMonths'>> = [];
    for (const step of SCHEDULE) {
      if (step.months > ageMonthsNow) break;
      const ms = Math.min(today - DAY, birthMs + Math.round(step.months * MONTH_DAYS + rng.int(-2, 5)) * DAY);
      if (ms < birthMs) continue;
      const type: ContactType = step.months === 0.5 ? 'home_visit' : rng.chance(0.08) ? 'phone' : 'consult';
      regular.push({
        ms,
        type,
        professionalId: step.physician ? physicianId : nurseId,
        gestationWeeks: null,
      });
    }
    // The age only of the contacts kept (it draws nothing from the generator, so the data stays the same).
    for (const r of regular.slice(-REGULAR_CONTACTS_KEPT))
      planned.push({ ...r, ageMonths: completedMonths(isoDate(birthMs), isoDate(r.ms)) });
    const last = planned[planned.length - 1];
    if (quality !== 'safe' && last && last.ms < today - 21 * DAY) {
      // Never before the birth: a baby born in the last weeks may have had only prenatal contacts so far.
      const ms = Math.max(birthMs, today - rng.int(1, 20) * DAY);
      planned.push({
        ms,
        type: 'home_visit',
        professionalId: nurseId,
        ageMonths: completedMonths(isoDate(birthMs), isoDate(ms)),
        gestationWeeks: null,
      });
    }
  }
  planned.sort((a, b) => a.ms - b.ms);

  const registeredMs = (planned[0]?.ms ?? today) - rng.int(7, 30) * DAY;
  const registeredAt = new Date(registeredMs + 9 * 3_600_000).toISOString();
  const familyId = demoId(rng, registeredMs);

  const places: ReadonlyArray<readonly [string, number]> = PLACES[region];
  const place = rng.pick(places);
  const postcode =
    region === 'nl'
      ? `${place[1]}${rng.int(10, 99)} ${rng.pick(['AB', 'BC', 'CK', 'DE', 'GH', 'JK', 'LM', 'NP', 'RT', 'VW'])}`
      : `${place[1]}${rng.int(0, 99).toString().padStart(2, '0')}`;
  const familyNames = [...new Set([childSurname, ...caregivers.map((c) => c.familyName)])].slice(0, 2);

  const rows: FamilyRows = {
    curated,
    family: {
      id: familyId,
      organisation_id: staff.organisationId,
      name: familyNames.map(capitalise).join(' / '),
      search_key: searchKey(familyNames.map(capitalise).join(' / ')),
      postcode,
      municipality: place[0],
      created_by: nurseId,
      created_at: registeredAt,
      updated_at: registeredAt,
      version: 1,
    },
    persons: [],
    careRelationships: [],
    contacts: [],
    observations: [],
    assessments: [],
    agreements: [],
    consents: [],
  };
  const person = (
    fields: Partial<Insertable<PersonTable>> & Pick<Insertable<PersonTable>, 'kind'>,
  ): string => {
    const id = demoId(rng, registeredMs);
    rows.persons.push({
      id,
      family_id: familyId,
      given_name: '',
      family_name: childSurname,
      birth_date: null,
      due_date: null,
      first_child: null,
      caregiver_role: null,
      birth_year: null,
      low_education: null,
      phone: null,
      created_at: registeredAt,
      updated_at: registeredAt,
      version: 1,
      ...fields,
      search_key: personSearchKey(fields.given_name ?? '', fields.family_name ?? childSurname),
    });
    return id;
  };
  const childFemale = rng.chance(0.49);
  const childId = person({
    kind: 'child',
    given_name: unborn && rng.chance(0.6) ? 'Baby' : rng.pick(childFemale ? group.girls : group.boys),
    birth_date: birthMs === null ? null : isoDate(birthMs),
    due_date: dueMs === null ? null : isoDate(dueMs),
    first_child: firstChild ? 1 : 0,
  });
  if (!firstChild && rng.chance(0.35)) {
    const olderDays = (ageDays ?? 0) + rng.int(18, 48) * 31;
    if (olderDays <= 6 * 365)
      person({
        kind: 'child',
        given_name: rng.pick(rng.chance(0.5) ? group.girls : group.boys),
        birth_date: isoDate(today - olderDays * DAY),
        first_child: 0,
      });
  }
  const caregiverIds = caregivers.map((c) =>
    person({
      kind: 'caregiver',
      given_name: c.givenName,
      family_name: c.familyName,
      caregiver_role: c.role,
      birth_year: c.birthYear,
      low_education: c.lowEducation ? 1 : 0,
    }),
  );

  // Each contact: what was observed, the engine's advice on it, the estimate and agreements made with the parent.
  let latest: { band: Band; referOutside: boolean; cumulativeRisk: boolean; ms: number } | null = null;
  for (const [i, contact] of planned.entries()) {
    const isLatest = i === planned.length - 1;
    const hour = rng.int(8, 15);
    const at = new Date(contact.ms + hour * 3_600_000 + rng.int(0, 59) * 60_000).toISOString();
    const contactId = demoId(rng, Date.parse(at));
    const draft = isLatest && contact.ms >= today - 2 * DAY && rng.chance(0.3);
    rows.contacts.push({
      id: contactId,
      family_id: familyId,
      child_id: childId,
      professional_id: contact.professionalId,
      type: contact.type,
      date: isoDate(contact.ms),
      child_age_months: contact.ageMonths,
      gestation_weeks: contact.gestationWeeks,
      status: draft ? 'draft' : 'final',
      notes: null,
      created_at: at,
      updated_at: at,
      version: 1,
    });

    const factors: Partial<Record<FactorCode, FactorValue>> = {};
    const observe = (kind: 'cue' | 'factor' | 'criterion', code: string, value: string, byParent: boolean) =>
      rows.observations.push({
        contact_id: contactId,
        kind,
        code,
        value,
        reported_by: byParent ? 'parent' : 'professional',
        recorded_at: at,
      });
    const knowable = (code: FactorCode) => {
      const min = CHILD_FACTOR_MIN_MONTHS[code];
      return min === undefined || (contact.ageMonths !== null && contact.ageMonths >= min);
    };
    const current = (code: HinderingFactorCode) => {
      const max = FACTOR_MAX_MONTHS[code];
      if (max === undefined || contact.ageMonths === null || contact.ageMonths <= max) return true;
      return code === 'difficult_temperament_or_excessive_crying' && cryingPersists;
    };
    for (const code of hindering) {
      if (knowable(code) && current(code) && rng.chance(HINDERING_RECORDED)) {
        factors[code] = 'present';
        observe('factor', code, 'present', rng.chance(0.6));
      }
    }
    for (const code of SCREENING_FACTORS) {
      if (hindering.has(code) || !rng.chance(0.3)) continue;
      const value: FactorValue = rng.chance(0.08) ? 'unknown' : 'absent';
      factors[code] = value;
      observe('factor', code, value, true);
    }
    for (const code of protective) {
      if (knowable(code) && rng.chance(PROTECTIVE_RECORDED)) {
        factors[code] = 'present';
        observe('factor', code, 'present', rng.chance(0.5));
      }
    }

    const cues: Partial<Record<CueCode, boolean>> = {};
    if (contact.ageMonths !== null && contact.type !== 'phone') {
      const counts =
        quality === 'safe'
          ? { safe: rng.int(3, 7), insecure: rng.chance(0.15) ? 1 : 0, problematic: 0 }
          : quality === 'insecure'
            ? { safe: rng.int(1, 4), insecure: rng.int(2, 6), problematic: rng.chance(0.1) ? 1 : 0 }
            : { safe: rng.int(0, 1), insecure: rng.int(6, 9), problematic: rng.int(1, 3) };
      const chosen = [
        ...rng.sample(SAFE_CUE_CODES, counts.safe),
        ...rng.sample(INSECURE_CUE_CODES, counts.insecure),
        ...rng.sample(PROBLEMATIC_CUE_CODES, counts.problematic),
      ];
      for (const code of chosen) {
        cues[code] = true;
        observe('cue', code, 'true', false);
      }
    }

    const criteria: Partial<Record<ReferralCriterionCode, boolean>> = {};
    if (contact.ageMonths !== null && quality !== 'safe') {
      const pool: ReferralCriterionCode[] = [
        hindering.has('difficult_temperament_or_excessive_crying')
          ? 'regulation_problems_persistent'
          : 'parent_worry_or_overload_persistent',
        'disturbed_parent_child_communication',
        i > 0 ? 'insufficient_jgz_support' : 'parent_worry_or_overload_persistent',
      ];
      const n = quality === 'problematic' ? rng.int(2, 3) : rng.chance(0.35) ? 1 : rng.chance(0.1) ? 2 : 0;
      for (const code of new Set(rng.sample(pool, n))) {
        criteria[code] = true;
        observe('criterion', code, 'true', false);
      }
    }

    // The same path from a contact to the engine input as the browser and the server use.
    const built = assessmentInputForContact({
      region,
      date: isoDate(contact.ms),
      // A prenatal contact of a child born since counts its weeks back from the birth as the due date.
      child:
        contact.ageMonths === null || birthMs === null
          ? { birthDate: null, dueDate: isoDate(birthMs ?? dueMs ?? contact.ms), firstChild }
          : { birthDate: isoDate(birthMs), dueDate: null, firstChild },
      caregivers: caregivers.map((c) => ({
        role: c.role,
        birthYear: c.birthYear,
        lowEducation: c.lowEducation,
      })),
      factors: Object.fromEntries(Object.entries(factors).map(([code, value]) => [code, { value }])),
      cues,
      criteria,
    });
    if (!built.ok) throw new Error(`demo contact outside the child's range: ${built.error.message}`);
    const input: AssessmentInput = built.value;
    const result = assess(input, knowledge);
    const suggested = result.relationship.suggestedBand;
    const agreed: Band | null = draft
      ? null
      : rng.chance(0.85) && suggested !== 'unclear'
        ? suggested
        : contact.ageMonths === null
          ? 'unclear'
          : QUALITY_BAND[quality];
    rows.assessments.push({
      id: demoId(rng, Date.parse(at)),
      contact_id: contactId,
      family_id: familyId,
      knowledge_version: result.knowledgeVersion,
      input_json: JSON.stringify(input),
      result_json: JSON.stringify(result),
      suggested_band: suggested,
      agreed_band: agreed,
      agreed_note:
        agreed !== null && agreed !== suggested ? 'Samen met de ouder besproken en zo ingeschat.' : null,
      cumulative_risk: result.balance.cumulativeRisk ? 1 : 0,
      refer_outside: result.referral.referOutside ? 1 : 0,
      safety_concern: result.safetyConcern ? 1 : 0,
      created_at: at,
      ...balanceSummary(result),
    });
    latest = {
      band: agreed ?? suggested,
      referOutside: result.referral.referOutside,
      cumulativeRisk: result.balance.cumulativeRisk,
      ms: contact.ms,
    };
    if (draft) continue;

    const concern = result.safetyConcern
      ? 'safety'
      : result.referral.referOutside || agreed === 'problematic_suspected'
        ? 'refer'
        : agreed === 'insecure' || result.balance.cumulativeRisk
          ? 'watch'
          : 'none';
    let due: number | null;
    if (contact.ageMonths === null) due = (dueMs ?? birthMs ?? contact.ms) + 14 * DAY;
    else if (concern === 'none') {
      const next = SCHEDULE.find((s) => s.months > (contact.ageMonths ?? 0) + 0.5);
      due = next && birthMs !== null ? birthMs + Math.round(next.months * MONTH_DAYS) * DAY : null;
    } else due = contact.ms + rng.int(concern === 'watch' ? 21 : 7, concern === 'watch' ? 42 : 21) * DAY;
    // A follow-up that fell before today would have been the latest contact itself: the family was seen, or
    // the appointment moved, so the next one lies ahead. Then a few appointments today, and a missed one now and
    // then (DUE_TODAY, MISSED_APPOINTMENT), so the worklist shows each without a third of it being late.
    if (isLatest && due !== null) {
      if (due < today) due = today + rng.int(1, 28) * DAY;
      if (rng.chance(DUE_TODAY)) due = today;
      else if (rng.chance(MISSED_APPOINTMENT))
        due = Math.max(contact.ms + 7 * DAY, today - rng.int(1, 45) * DAY);
    }
    const permission = concern !== 'none' && rng.chance(0.85);
    rows.agreements.push({
      id: demoId(rng, Date.parse(at)),
      family_id: familyId,
      contact_id: contactId,
      text: AGREEMENT_TEXT[concern][region],
      next_topic: permission ? NEXT_TOPIC[concern] : null,
      next_topic_permission: permission ? 1 : 0,
      extra_contact: concern === 'none' ? 0 : 1,
      follow_up_due: due === null ? null : isoDate(due),
      status: isLatest ? 'open' : 'done',
      created_by: contact.professionalId,
      created_at: at,
      updated_at: at,
      version: 1,
    });
    if (isLatest && concern === 'refer' && caregiverIds[0])
      rows.consents.push({
        id: demoId(rng, Date.parse(at)),
        family_id: familyId,
        given_by: caregiverIds[0],
        purpose: 'Verwijzing voor ondersteuning van de ouder-kindrelatie',
        recipient: region === 'nl' ? 'IMH-netwerk Veldland' : 'CGG baby- en peuterteam',
        scope: 'Reden van verwijzing, signalen en afspraken van het laatste contact',
        given_at: at,
        valid_until: isoDate(contact.ms + 365 * DAY),
        withdrawn_at: null,
        recorded_by: contact.professionalId,
        created_at: at,
        version: 1,
      });
  }
  if (planned.length === 0) {
    // Registered in pregnancy, not yet seen: the first visit is what is due.
    rows.agreements.push({
      id: demoId(rng, registeredMs),
      family_id: familyId,
      contact_id: null,
      text: 'Prenataal huisbezoek plannen.',
      next_topic: null,
      next_topic_permission: 0,
      extra_contact: 0,
      follow_up_due: isoDate(today + rng.int(3, 30) * DAY),
      status: 'open',
      created_by: nurseId,
      created_at: registeredAt,
      updated_at: registeredAt,
      version: 1,
    });
  }

  // Who looks after the family: the team, its nurse, the physician when there is concern; now and then a
  // nurse who handed the family over (an ended relationship grants nothing).
  const relation = (holder: { user_id?: string; team_id?: string }, startMs: number, endMs: number | null) =>
    rows.careRelationships.push({
      id: demoId(rng, startMs),
      family_id: familyId,
      user_id: holder.user_id ?? null,
      team_id: holder.team_id ?? null,
      start_date: isoDate(startMs),
      end_date: endMs === null ? null : isoDate(endMs),
      created_by: nurseId,
      created_at: new Date(startMs + 9 * 3_600_000).toISOString(),
    });
  relation({ team_id: teamId }, registeredMs, null);
  let nurseStart = registeredMs;
  if (staff.nurseIds.length > 1 && today - registeredMs > 120 * DAY && rng.chance(0.05)) {
    const handover = registeredMs + rng.int(30, Math.floor((today - registeredMs) / DAY) - 30) * DAY;
    const previous = staff.nurseIds[(nurseIndex + staff.teamIds.length) % staff.nurseIds.length]!;
    if (previous !== nurseId) {
      relation({ user_id: previous }, registeredMs, handover);
      nurseStart = handover + DAY;
    }
  }
  relation({ user_id: nurseId }, nurseStart, null);
  const last = latest;
  if (last && (last.band !== 'safe' || last.referOutside || last.cumulativeRisk))
    relation({ user_id: physicianId }, Math.max(registeredMs, last.ms - 30 * DAY), null);

  const lastContact = rows.contacts[rows.contacts.length - 1];
  if (lastContact) rows.family.updated_at = lastContact.updated_at ?? registeredAt;
  return rows;
}

function prenatal(ms: number, gestationWeeks: number, nurseId: string): PlannedContact {
  return { ms, type: 'prenatal_visit', professionalId: nurseId, ageMonths: null, gestationWeeks };
}

type Concern = 'none' | 'watch' | 'refer' | 'safety';

const AGREEMENT_TEXT: Record<Concern, Record<'nl' | 'be', string>> = {
  none: {
    nl: 'Tips voor deze leeftijd meegegeven. Volgend contact volgens het schema.',
    be: 'Tips voor deze leeftijd meegegeven. Volgend consult volgens het schema.',
  },
  watch: {
    nl: 'Besproken wat goed gaat en wat lastig is; tips over troosten en samen spelen. Extra contact afgesproken.',
    be: 'Besproken wat goed gaat en wat lastig is; tips over troosten en samen spelen. Extra huisbezoek afgesproken.',
  },
  refer: {
    nl: 'Verwijzing naar het IMH-team besproken; ouder stemt in. Contact houden tot de hulp loopt.',
    be: 'Doorverwijzing naar het CGG baby- en peuterteam besproken; ouder stemt in. Opvolgen tot de hulp loopt.',
  },
  safety: {
    nl: 'Zorgen over veiligheid: stappen van de meldcode gestart, overleg met aandachtsfunctionaris.',
    be: 'Zorgen over veiligheid: overleg met het Vertrouwenscentrum Kindermishandeling gestart.',
  },
};

const NEXT_TOPIC: Record<Concern, string | null> = {
  none: null,
  watch: 'Hoe gaat het met troosten en samen spelen?',
  refer: 'Hoe loopt de hulp van het IMH-team?',
  safety: 'Hoe is de situatie thuis nu?',
};
