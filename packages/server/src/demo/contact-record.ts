import {
  type AssessmentInput,
  assess,
  assessmentInputForContact,
  type FactorValue,
  normaliseScope,
} from '@nestwerk/engine';
import {
  type CueCode,
  DEFAULT_SHARE_ITEMS,
  type FactorCode,
  type HinderingFactorCode,
  INSECURE_CUE_CODES,
  knowledge,
  PROBLEMATIC_CUE_CODES,
  type ReferralCriterionCode,
  SAFE_CUE_CODES,
} from '@nestwerk/knowledge';
import type { Band } from '../db/schema.ts';
import { balanceSummary } from '../domain/contact-rows.ts';
import { type PlannedContact, SCHEDULE } from './contact-plan.ts';
import { DAY, isoDate, MONTH_DAYS } from './days.ts';
import type { FamilyFactors } from './family-factors.ts';
import type { FamilyRows } from './family-rows.ts';
import {
  CHILD_FACTOR_MIN_MONTHS,
  DUE_TODAY,
  FACTOR_MAX_MONTHS,
  HINDERING_RECORDED,
  MISSED_APPOINTMENT,
  PROTECTIVE_RECORDED,
  type Quality,
  SCREENING_FACTORS,
} from './frequencies.ts';
import type { DrawnHousehold } from './household.ts';
import { NESTWERK_PARTNER_NAME } from './network-partners.ts';
import { demoId, type Random } from './random.ts';
import { demoSafetyRoute } from './safety-routes.ts';

/** The family a contact belongs to, as far as recording it needs. */
export interface ContactFamily {
  region: 'nl' | 'be';
  today: number;
  familyId: string;
  childId: string;
  caregiverIds: string[];
  drawn: DrawnHousehold;
  factors: FamilyFactors;
  rows: FamilyRows;
  /** The region's IMH team on its social map, which a consent for a referral names. */
  referTo: string;
}

/** What the latest contact concluded: it decides whether the physician joins the family's care. */
export interface LatestContact {
  band: Band;
  referOutside: boolean;
  cumulativeRisk: boolean;
  ms: number;
}

const QUALITY_BAND: Record<Quality, Band> = {
  safe: 'safe',
  insecure: 'insecure',
  problematic: 'problematic_suspected',
};

/**
 * One contact with what was observed, the engine's advice on it, the estimate and agreements made with the
 * parent (and consent when a referral was agreed), added to the family's rows. `index` is the contact's place
 * in the family's history, `isLatest` whether it is the last.
 */
export function recordContact(
  rng: Random,
  family: ContactFamily,
  contact: PlannedContact,
  index: number,
  isLatest: boolean,
): LatestContact {
  const { region, today, familyId, childId, caregiverIds, rows } = family;
  const { hindering, protective, quality, cryingPersists } = family.factors;
  const { birthMs, dueMs, firstChild, caregivers } = family.drawn;
  const hour = rng.int(8, 15);
  const at = new Date(contact.ms + hour * 3_600_000 + rng.int(0, 59) * 60_000).toISOString();
  const contactId = demoId(rng, Date.parse(at));
  const draft = isLatest && contact.ms >= today - 2 * DAY && rng.chance(0.3);
  const contactRow: FamilyRows['contacts'][number] = {
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
  };
  rows.contacts.push(contactRow);

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
      index > 0 ? 'insufficient_jgz_support' : 'parent_worry_or_overload_persistent',
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
  const latest: LatestContact = {
    band: agreed ?? suggested,
    referOutside: result.referral.referOutside,
    cumulativeRisk: result.balance.cumulativeRisk,
    ms: contact.ms,
  };
  if (draft) return latest;

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
  // The steps of the safety route are the professional's own notes; the agreements are what the parent agreed to,
  // and a parent with portal access reads them there.
  // The family's first contact with safety signals starts the route, decided by the next contact; signals at its
  // latest contact start one that is still open, if that contact was recent. Contacts in between follow the
  // decision taken.
  if (concern === 'safety' && rows.safetyRoutes.length > 0 && !isLatest)
    contactRow.notes = SAFETY_FOLLOW_UP[region];
  else if (concern === 'safety') {
    contactRow.notes = SAFETY_NOTE[region];
    const started = demoSafetyRoute({
      region,
      familyId,
      contactId,
      professionalId: contact.professionalId,
      at,
      factors,
      // A route still open months after the contact would be a route forgotten: by then it was decided.
      open: isLatest && contact.ms >= today - OPEN_ROUTE_DAYS * DAY,
    });
    rows.safetyRoutes.push(started.route);
    rows.safetyRouteSteps.push(...started.steps);
  }
  const permission = concern !== 'none' && rng.chance(0.85);
  const said: Agreed = concern === 'refer' ? (isLatest ? 'referring' : 'pondering') : concern;
  rows.agreements.push({
    id: demoId(rng, Date.parse(at)),
    family_id: familyId,
    contact_id: contactId,
    text: AGREEMENT_TEXT[said][region],
    next_topic: permission ? (NEXT_TOPIC[said]?.[region] ?? null) : null,
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
      // As the consent form records it: the partner on the map and what the parent agreed may go along, so
      // that the referral the agreement promises can be made on it.
      recipient: NESTWERK_PARTNER_NAME[region],
      recipient_partner_id: family.referTo,
      recipient_kind: null,
      scope: null,
      scope_items_json: CONSENTED_ITEMS,
      given_at: at,
      valid_until: isoDate(contact.ms + 365 * DAY),
      withdrawn_at: null,
      recorded_by: contact.professionalId,
      created_at: at,
      version: 1,
    });
  return latest;
}

type Concern = 'none' | 'watch' | 'refer' | 'safety';

/** How recent a latest contact with safety signals is for its route to be still open (steps 1–3). */
export const OPEN_ROUTE_DAYS = 56;

/** What a parent agreeing to a referral lets go along: the usual minimum, and who the family is and how to reach it. */
const CONSENTED_ITEMS = JSON.stringify(
  normaliseScope([...DEFAULT_SHARE_ITEMS, 'child_name', 'child_birth_date', 'parent_names', 'parent_phone']),
);

/**
 * What was agreed with the parent, written so that a parent with portal access can read it as it stands. A family
 * heading for a referral thinks it over first; at its latest contact the parent consents (the consent row above)
 * and the referral is still to be sent: in Nestwerk, for the few the demo refers (network.ts), or by the nurse.
 */
type Agreed = Exclude<Concern, 'refer'> | 'pondering' | 'referring';

const AGREEMENT_TEXT: Record<Agreed, Record<'nl' | 'be', string>> = {
  none: {
    nl: 'Tips voor deze leeftijd meegegeven. Volgend contact volgens het schema.',
    be: 'Tips voor deze leeftijd meegegeven. Volgend consult volgens het schema.',
  },
  watch: {
    nl: 'Besproken wat goed gaat en wat lastig is; tips over troosten en samen spelen. Extra contact afgesproken.',
    be: 'Besproken wat goed gaat en wat lastig is; tips over troosten en samen spelen. Extra huisbezoek afgesproken.',
  },
  pondering: {
    nl: 'Besproken dat het IMH-team kan meekijken hoe het gaat tussen ouder en kind. Bedenktijd afgesproken; extra contact gepland.',
    be: 'Besproken dat het CGG baby- en peuterteam kan meekijken hoe het gaat tussen ouder en kind. Bedenktijd afgesproken; extra huisbezoek gepland.',
  },
  referring: {
    nl: 'Samen besloten: verwijzing naar het IMH-team. De JGZ verstuurt de verwijzing en blijft in contact tot de hulp loopt.',
    be: 'Samen besloten: doorverwijzing naar het CGG baby- en peuterteam. Kind en Gezin verstuurt de doorverwijzing en volgt op tot de hulp loopt.',
  },
  safety: {
    nl: 'Besproken hoe het thuis gaat en wie kan helpen. Over een week een extra huisbezoek.',
    be: 'Besproken hoe het thuis gaat en wie kan helpen. Over een week een extra huisbezoek.',
  },
};

const NEXT_TOPIC: Record<Agreed, Record<'nl' | 'be', string> | null> = {
  none: null,
  watch: {
    nl: 'Hoe gaat het met troosten en samen spelen?',
    be: 'Hoe gaat het met troosten en samen spelen?',
  },
  pondering: {
    nl: 'Meekijken door het IMH-team: wat vinden we ervan?',
    be: 'Meekijken door het CGG baby- en peuterteam: wat vinden we ervan?',
  },
  referring: {
    nl: 'Hoe loopt de hulp van het IMH-team?',
    be: 'Hoe loopt de hulp van het CGG baby- en peuterteam?',
  },
  safety: { nl: 'Hoe is de situatie thuis nu?', be: 'Hoe is de situatie thuis nu?' },
};

const SAFETY_FOLLOW_UP: Record<'nl' | 'be', string> = {
  nl: 'Zorgen over veiligheid opnieuw besproken; het besluit uit de meldcode blijft de leidraad.',
  be: 'Zorgen over veiligheid opnieuw besproken; de afspraken met het Vertrouwenscentrum worden opgevolgd.',
};

const SAFETY_NOTE: Record<'nl' | 'be', string> = {
  nl: 'Zorgen over veiligheid: stappen van de meldcode gestart, overleg met de aandachtsfunctionaris.',
  be: 'Zorgen over veiligheid: overleg met het Vertrouwenscentrum Kindermishandeling gestart.',
};
