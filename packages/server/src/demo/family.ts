import type { Insertable } from 'kysely';
import type { PersonTable } from '../db/schema.ts';
import { personSearchKey, searchKey } from '../db/search-key.ts';
import { planContacts } from './contact-plan.ts';
import { type LatestContact, recordContact } from './contact-record.ts';
import { DAY, isoDate } from './days.ts';
import { drawFactors } from './family-factors.ts';
import type { FamilyRows } from './family-rows.ts';
import { drawHousehold } from './household.ts';
import { distinctName, PLACES } from './names.ts';
import { demoId, Random } from './random.ts';
import { familyRegion, type StaffPlan } from './staff.ts';

export type { FamilyRows } from './family-rows.ts';
export type { CuratedCase } from './household.ts';

export interface FamilyContext {
  seed: string;
  /** Midnight UTC of the day the data is generated for: all dates are relative to it. */
  today: number;
  staff: StaffPlan;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

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

  const drawn = drawHousehold(rng, region, regionalIndex, today);
  const { group, curated, unborn, birthMs, dueMs, ageDays, firstChild, caregivers, childSurname } = drawn;
  const factors = drawFactors(rng, drawn);
  const planned = planContacts(rng, drawn, factors.quality, today, { nurseId, physicianId });

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
    safetyRoutes: [],
    safetyRouteSteps: [],
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
  const taken = new Set(caregivers.map((c) => c.givenName));
  const unlike = (picked: string) => distinctName(picked, group, taken);
  const childFemale = rng.chance(0.49);
  const childId = person({
    kind: 'child',
    given_name: unborn && rng.chance(0.6) ? 'Baby' : unlike(rng.pick(childFemale ? group.girls : group.boys)),
    birth_date: birthMs === null ? null : isoDate(birthMs),
    due_date: dueMs === null ? null : isoDate(dueMs),
    first_child: firstChild ? 1 : 0,
  });
  if (!firstChild && rng.chance(0.35)) {
    const olderDays = (ageDays ?? 0) + rng.int(18, 48) * 31;
    if (olderDays <= 6 * 365)
      person({
        kind: 'child',
        given_name: unlike(rng.pick(rng.chance(0.5) ? group.girls : group.boys)),
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
  const referTo = ctx.staff.imh[region].partnerId;
  const family = { region, today, familyId, childId, caregiverIds, drawn, factors, rows, referTo };
  let latest: LatestContact | null = null;
  for (const [i, contact] of planned.entries())
    latest = recordContact(rng, family, contact, i, i === planned.length - 1);
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
