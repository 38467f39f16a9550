import {
  assess,
  assessmentInputForContact,
  type ContactScreening,
  type FactorValue,
  type ScreeningInput,
  scheduleWindows,
} from '@nestwerk/engine';
import type { ParentFactorCode } from '@nestwerk/knowledge';
import {
  DEFAULT_PERINATAL_THRESHOLDS,
  KNOWLEDGE_VERSION,
  knowledge,
  SCREENED_ROLES,
} from '@nestwerk/knowledge';
import type { Insertable, Kysely } from 'kysely';
import { forEachIdChunk, type IdRange, inIdRange } from '../db/id-range.ts';
import type {
  CaregiverRole,
  Database,
  ParentFactorObservationTable,
  ParentScreeningTable,
} from '../db/schema.ts';
import { balanceSummary } from '../domain/contact-rows.ts';
import { type StoredAnswers, scoreColumns, screeningOutcome } from '../domain/perinatal.ts';
import type { StoredScreeningResult } from '../presenters/screening.ts';
import { familyIdsAfter } from '../repositories/families.ts';
import { insertChunked } from './bulk-insert.ts';
import type { CuratedCase } from './family.ts';
import { demoId, Random } from './random.ts';

const DAY = 86_400_000;
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

interface Parent {
  id: string;
  family_id: string;
  caregiver_role: CaregiverRole;
}

interface Planned {
  personId: string;
  role: CaregiverRole;
  date: string;
  contactId: string | null;
  screening: ScreeningInput;
}

/** Families per chunk: what the loader holds in memory at once, and what one transaction stores. */
export const PERINATAL_CHUNK = 500;

/**
 * Perinatal screenings for the demo families with a child from pregnancy to the first birthday, in both regions:
 * each parent is screened at most schedule moments that have passed (Whooley and GAD-2, the second stage when
 * positive), so the worklist shows some parents due and others done. The two curated families (family.ts) get
 * their story: in Flanders the mother of a six-week-old is due and the father screened positive on the EPDS,
 * with his own factor at that contact; in the Netherlands a pregnancy at 20 weeks, the father's anxiety screen
 * positive. Their contacts' assessments are made again through the engine's one contact path, so the stored
 * assessment holds `parentMentalHealth`.
 *
 * The families are taken `chunkSize` at a time in id order, each chunk read, built and stored before the next:
 * memory follows the chunk, not the database. The rows do not depend on the chunk size: every child draws from
 * its own seeded generator, and a family is never split over two chunks.
 */
export async function loadDemoPerinatal(
  db: Kysely<Database>,
  seed: string,
  today: number,
  curated: ReadonlyArray<{ familyId: string; case: CuratedCase }>,
  chunkSize: number = PERINATAL_CHUNK,
): Promise<number> {
  const ctx: ChunkContext = {
    seed,
    todayIso: isoDate(today),
    bornAfter: isoDate(today - 365 * DAY),
    curatedCase: new Map(curated.map((c) => [c.familyId, c.case])),
  };
  let stored = 0;
  await forEachIdChunk(
    chunkSize,
    (after, limit) => familyIdsAfter(db, after, limit),
    async (_families, range) => {
      stored += await loadChunk(db, ctx, range);
    },
  );
  return stored;
}

interface ChunkContext {
  seed: string;
  todayIso: string;
  /** A child born after this day is under one year old today. */
  bornAfter: string;
  curatedCase: ReadonlyMap<string, CuratedCase>;
}

/** One chunk of families: their eligible children and screened parents, their rows stored in one transaction. */
async function loadChunk(db: Kysely<Database>, ctx: ChunkContext, families: IdRange): Promise<number> {
  const { seed, todayIso } = ctx;
  const children = await db
    .selectFrom('persons as p')
    .innerJoin('families as f', 'f.id', 'p.family_id')
    .innerJoin('organisations as o', 'o.id', 'f.organisation_id')
    .select(['p.id', 'p.family_id', 'p.birth_date', 'p.due_date', 'f.created_by', 'o.region'])
    .where(inIdRange('p.family_id', families))
    .where('p.kind', '=', 'child')
    .where((eb) => eb.or([eb('p.birth_date', '>', ctx.bornAfter), eb('p.due_date', 'is not', null)]))
    .orderBy('p.family_id')
    .orderBy('p.id')
    .execute();
  if (children.length === 0) return 0;
  const parentRows = await db
    .selectFrom('persons')
    .select(['id', 'family_id', 'caregiver_role'])
    .where(inIdRange('family_id', families))
    .where('kind', '=', 'caregiver')
    .where('caregiver_role', 'in', [...SCREENED_ROLES])
    .orderBy('id')
    .execute();
  // In id order within each family: the order the parents draw from the child's generator, and the curated
  // stories take the first mother and father.
  const parentsOf = new Map<string, Parent[]>();
  for (const r of parentRows) {
    if (!r.caregiver_role) continue;
    const list = parentsOf.get(r.family_id);
    const parent = { ...r, caregiver_role: r.caregiver_role };
    if (list) list.push(parent);
    else parentsOf.set(r.family_id, [parent]);
  }
  const rows: Insertable<ParentScreeningTable>[] = [];
  const factorRows: Insertable<ParentFactorObservationTable>[] = [];
  const recompute: string[] = [];

  for (const child of children) {
    const rng = new Random(`${seed}:perinatal:${child.id}`);
    const mine = parentsOf.get(child.family_id) ?? [];
    const windows = scheduleWindows({ birthDate: child.birth_date, dueDate: child.due_date });
    const story = ctx.curatedCase.get(child.family_id);
    const planned: Planned[] = [];
    if (story) {
      const contact = await latestContact(db, child.family_id);
      planned.push(
        ...curatedScreenings(story, mine, windows, contact?.date ?? todayIso, contact?.id ?? null),
      );
      if (contact) {
        factorRows.push(...curatedFactors(story, mine, contact.id, `${contact.date}T10:00:00.000Z`));
        recompute.push(contact.id);
      }
    } else
      for (const parent of mine)
        for (const w of windows) {
          // Only moments whose window has opened; the one open now is left undone half the time (due).
          if (w.from > todayIso) continue;
          const open = todayIso <= w.to;
          if (!rng.chance(open ? 0.5 : parent.caregiver_role === 'mother' ? 0.8 : 0.55)) continue;
          const last = [w.to, todayIso].sort()[0] ?? todayIso;
          const span = Math.max(0, Math.round((Date.parse(last) - Date.parse(w.from)) / DAY));
          const date = isoDate(Date.parse(w.from) + rng.int(0, span) * DAY);
          planned.push(...firstStage(rng, parent, date));
        }
    for (const p of planned) {
      const result = screeningOutcome(child.region, p.role, p.screening, DEFAULT_PERINATAL_THRESHOLDS);
      const stored: StoredScreeningResult = {
        reasons: result.reasons,
        nextStep: result.nextStep,
        sources: result.sources,
        thresholds: DEFAULT_PERINATAL_THRESHOLDS,
      };
      const { instrument, ...answers } = p.screening;
      rows.push({
        id: demoId(rng, Date.parse(p.date)),
        family_id: child.family_id,
        person_id: p.personId,
        contact_id: p.contactId,
        instrument,
        date: p.date,
        answers_json: JSON.stringify(answers satisfies StoredAnswers),
        ...scoreColumns(p.screening),
        outcome: result.outcome,
        result_json: JSON.stringify(stored),
        created_by: child.created_by,
        created_at: `${p.date}T10:30:00.000Z`,
      });
    }
  }

  await db.transaction().execute(async (trx) => {
    await insertChunked(trx, 'parent_screenings', rows);
    await insertChunked(trx, 'parent_factor_observations', factorRows);
  });
  // After the chunk is stored: the reassessment reads the family's screenings and factors back.
  for (const contactId of recompute) await reassess(db, contactId);
  return rows.length;
}

/** Whooley and GAD-2, and the second stage (EPDS, GAD-7) when either is positive. */
function firstStage(rng: Random, parent: Parent, date: string): Planned[] {
  const base = { personId: parent.id, role: parent.caregiver_role, date, contactId: null };
  const low = rng.chance(parent.caregiver_role === 'mother' ? 0.13 : 0.1);
  const anxious = rng.chance(0.08);
  const out: Planned[] = [
    {
      ...base,
      screening: { instrument: 'whooley', answers: low ? [true, rng.chance(0.5)] : [false, false] },
    },
    { ...base, screening: { instrument: 'gad_2', total: anxious ? rng.int(3, 6) : rng.int(0, 2) } },
  ];
  if (low) out.push({ ...base, screening: { instrument: 'epds', total: rng.int(6, 16), item10: 0 } });
  if (anxious) out.push({ ...base, screening: { instrument: 'gad_7', total: rng.int(5, 16) } });
  return out;
}

function curatedScreenings(
  story: CuratedCase,
  parents: readonly Parent[],
  windows: ReturnType<typeof scheduleWindows>,
  contactDate: string,
  contactId: string | null,
): Planned[] {
  const mother = parents.find((p) => p.caregiver_role === 'mother');
  const father = parents.find((p) => p.caregiver_role === 'father');
  const at = (
    p: Parent | undefined,
    date: string,
    screening: ScreeningInput,
    contact: string | null = null,
  ) => (p ? [{ personId: p.id, role: p.caregiver_role, date, contactId: contact, screening }] : []);
  const first = windows.find((w) => w.moment === 'first_contact');
  if (story === 'be_six_weeks_postpartum')
    // The mother is not screened yet at six weeks (due); the father screened positive at the last contact.
    return [
      ...at(father, contactDate, { instrument: 'whooley', answers: [true, true] }, contactId),
      ...at(father, contactDate, { instrument: 'gad_2', total: 2 }, contactId),
      ...at(father, contactDate, { instrument: 'epds', total: 13, item10: 0 }, contactId),
    ];
  const early = first ? first.to : contactDate;
  return [
    ...at(mother, early, { instrument: 'whooley', answers: [false, false] }),
    ...at(mother, early, { instrument: 'gad_2', total: 1 }),
    ...at(father, contactDate, { instrument: 'whooley', answers: [false, false] }, contactId),
    ...at(father, contactDate, { instrument: 'gad_2', total: 4 }, contactId),
    ...at(father, contactDate, { instrument: 'gad_7', total: 12 }, contactId),
  ];
}

function curatedFactors(
  story: CuratedCase,
  parents: readonly Parent[],
  contactId: string,
  at: string,
): Insertable<ParentFactorObservationTable>[] {
  const who = (role: CaregiverRole) => parents.find((p) => p.caregiver_role === role);
  const row = (p: Parent | undefined, code: ParentFactorCode, value: FactorValue) =>
    p
      ? [
          {
            contact_id: contactId,
            person_id: p.id,
            code,
            value,
            reported_by: 'parent' as const,
            recorded_at: at,
          },
        ]
      : [];
  return story === 'be_six_weeks_postpartum'
    ? [
        ...row(who('father'), 'parent_stress', 'present'),
        ...row(who('mother'), 'parent_depression', 'absent'),
      ]
    : [...row(who('mother'), 'stress_or_anxiety_in_pregnancy', 'present')];
}

function latestContact(db: Kysely<Database>, familyId: string) {
  return db
    .selectFrom('contacts')
    .select(['id', 'date'])
    .where('family_id', '=', familyId)
    .orderBy('date', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

/**
 * The contact's assessment again, through the engine's one path, now with the parents' factors and screenings.
 * Every read is ordered: the stored input must not depend on the database's row order.
 */
async function reassess(db: Kysely<Database>, contactId: string): Promise<void> {
  const contact = await db
    .selectFrom('contacts')
    .selectAll()
    .where('id', '=', contactId)
    .executeTakeFirstOrThrow();
  const family = await db
    .selectFrom('families as f')
    .innerJoin('organisations as o', 'o.id', 'f.organisation_id')
    .select('o.region')
    .where('f.id', '=', contact.family_id)
    .executeTakeFirstOrThrow();
  const persons = await db
    .selectFrom('persons')
    .selectAll()
    .where('family_id', '=', contact.family_id)
    .orderBy('id')
    .execute();
  const observations = await db
    .selectFrom('observations')
    .selectAll()
    .where('contact_id', '=', contactId)
    .orderBy('kind')
    .orderBy('code')
    .execute();
  const parentFactors = await db
    .selectFrom('parent_factor_observations')
    .selectAll()
    .where('contact_id', '=', contactId)
    .orderBy('person_id')
    .orderBy('code')
    .execute();
  const screenings = await db
    .selectFrom('parent_screenings')
    .selectAll()
    .where('family_id', '=', contact.family_id)
    .orderBy('date')
    .orderBy('id')
    .execute();
  const child = persons.find((p) => p.id === contact.child_id);
  if (!child) return;
  const result = assessmentInputForContact({
    region: family.region,
    date: contact.date,
    child: {
      birthDate: child.birth_date,
      dueDate: child.due_date,
      firstChild: child.first_child === null ? null : child.first_child === 1,
    },
    caregivers: persons
      .filter((p) => p.kind === 'caregiver')
      .map((p) => ({
        role: p.caregiver_role,
        birthYear: p.birth_year,
        lowEducation: p.low_education === null ? null : p.low_education === 1,
        factors: Object.fromEntries(
          parentFactors.filter((f) => f.person_id === p.id).map((f) => [f.code, { value: f.value }]),
        ),
        screenings: screenings
          .filter((s) => s.person_id === p.id)
          .map(
            (s): ContactScreening =>
              ({
                instrument: s.instrument,
                ...(JSON.parse(s.answers_json) as StoredAnswers),
                date: s.date,
              }) as ContactScreening,
          ),
      })),
    cues: Object.fromEntries(observations.filter((o) => o.kind === 'cue').map((o) => [o.code, true])),
    factors: Object.fromEntries(
      observations.filter((o) => o.kind === 'factor').map((o) => [o.code, { value: o.value as FactorValue }]),
    ),
    criteria: Object.fromEntries(
      observations.filter((o) => o.kind === 'criterion').map((o) => [o.code, true]),
    ),
  });
  if (!result.ok) return;
  const assessment = assess(result.value, knowledge);
  await db
    .updateTable('assessments')
    .set({
      knowledge_version: KNOWLEDGE_VERSION,
      input_json: JSON.stringify(result.value),
      result_json: JSON.stringify(assessment),
      suggested_band: assessment.relationship.suggestedBand,
      cumulative_risk: assessment.balance.cumulativeRisk ? 1 : 0,
      refer_outside: assessment.referral.referOutside ? 1 : 0,
      safety_concern: assessment.safetyConcern ? 1 : 0,
      ...balanceSummary(assessment),
    })
    .where('contact_id', '=', contactId)
    .execute();
}
