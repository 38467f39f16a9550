import { DEFAULT_SHARE_ITEMS, type ReferralStatus } from '@nestwerk/knowledge';
import { type Insertable, type Kysely, PostgresAdapter, sql } from 'kysely';
import type { Database, ReferralStatusHistoryTable, ReferralTable } from '../db/schema.ts';
import { buildShared } from '../network/share.ts';
import { addDays, localDate } from '../policies/calendar.ts';
import { demoId, Random } from './random.ts';
import { DEMO_DOMAIN } from './staff.ts';

/** Rows per multi-row insert: under the bound-parameter limits of SQLite and PostgreSQL. */
const CHUNK = 400;

const STATUSES: ReadonlyArray<[ReferralStatus, number]> = [
  ['sent', 0.25],
  ['received', 0.15],
  ['accepted', 0.2],
  ['in_care', 0.2],
  ['declined', 0.05],
  ['closed', 0.15],
];

function pickStatus(rng: Random): ReferralStatus {
  let r = rng.next();
  for (const [status, share] of STATUSES) {
    r -= share;
    if (r < 0) return status;
  }
  return 'closed';
}

/**
 * Bench support: fills the intake queue of the demo IMH team with `count` sent referrals from the demo's
 * Dutch families, each with a realistic frozen snapshot and consent. Needs the demo data loaded first.
 */
export async function seedIntakeQueue(
  db: Kysely<Database>,
  options: { count: number; today?: Date; seed?: string },
): Promise<{ receiverOrganisationId: string; referrals: number }> {
  const rng = new Random(`${options.seed ?? 'nestwerk'}:intake-queue`);
  const now = (options.today ?? new Date()).getTime();
  const nurse = await db
    .selectFrom('users')
    .select(['id', 'organisation_id', 'display_name', 'email'])
    .where('email', '=', `verpleegkundige@${DEMO_DOMAIN}`)
    .executeTakeFirstOrThrow();
  const partner = await db
    .selectFrom('partners')
    .selectAll()
    .where('organisation_id', '=', nurse.organisation_id)
    .where('nestwerk_organisation_id', 'is not', null)
    .executeTakeFirstOrThrow();
  const receiver = partner.nestwerk_organisation_id as string;
  const organisation = await db
    .selectFrom('organisations')
    .select(['name', 'region'])
    .where('id', '=', nurse.organisation_id)
    .executeTakeFirstOrThrow();
  const families = await db
    .selectFrom('families')
    .selectAll()
    .where('organisation_id', '=', nurse.organisation_id)
    .orderBy('id')
    .limit(2_000)
    .execute();
  const persons = await db
    .selectFrom('persons')
    .selectAll()
    .where(
      'family_id',
      'in',
      families.map((f) => f.id),
    )
    .execute();
  const usable = families.flatMap((family) => {
    const child = persons.find(
      (p) => p.family_id === family.id && p.kind === 'child' && p.birth_date !== null,
    );
    const caregiver = persons.find((p) => p.family_id === family.id && p.kind === 'caregiver');
    return child && caregiver
      ? [{ family, child, caregiver, consentId: demoId(rng, now - 400 * 86_400_000) }]
      : [];
  });
  if (usable.length === 0) throw new Error('seedIntakeQueue: load the demo families first');

  const createdAt = new Date(now - 400 * 86_400_000).toISOString();
  for (let i = 0; i < usable.length; i += CHUNK)
    await db
      .insertInto('consents')
      .values(
        usable.slice(i, i + CHUNK).map((u) => ({
          id: u.consentId,
          family_id: u.family.id,
          given_by: u.caregiver.id,
          purpose: 'Aanmelding bij het IMH-team',
          recipient: partner.name,
          scope: null,
          given_at: createdAt,
          valid_until: null,
          withdrawn_at: null,
          recorded_by: nurse.id,
          created_at: createdAt,
          version: 1,
        })),
      )
      .execute();

  const criteria = ['regulation_problems_persistent', 'parent_worry_or_overload_persistent'];
  let referrals: Insertable<ReferralTable>[] = [];
  let history: Insertable<ReferralStatusHistoryTable>[] = [];
  const flush = async () => {
    if (referrals.length > 0) await db.insertInto('referrals').values(referrals).execute();
    if (history.length > 0) await db.insertInto('referral_status_history').values(history).execute();
    referrals = [];
    history = [];
  };
  for (let n = 0; n < options.count; n++) {
    const u = usable[n % usable.length] as (typeof usable)[number];
    const sentMs = now - Math.floor(rng.next() * 365 * 86_400_000);
    const sentAt = new Date(sentMs).toISOString();
    const sentDay = localDate(new Date(sentMs));
    const status = pickStatus(rng);
    const row: ReferralTable = {
      id: demoId(rng, sentMs),
      organisation_id: nurse.organisation_id,
      family_id: u.family.id,
      child_id: u.child.id,
      contact_id: null,
      recommendation_id: 'refer_outside',
      partner_id: partner.id,
      receiver_organisation_id: receiver,
      referrer_id: nurse.id,
      referrer_phone: null,
      status,
      channel: 'nestwerk',
      criteria_json: JSON.stringify(criteria),
      imh_reasons_json: JSON.stringify(['regulation_problems', 'parental_stress_trauma_anxiety_depression']),
      reason_text: 'Ouder en kind lopen vast in het contact; de ouder vraagt om hulp.',
      interventions_json: JSON.stringify(['imh_team']),
      cues_json: JSON.stringify(['parent_misses_child_stress', 'little_shared_enjoyment']),
      factors_json: JSON.stringify(['parent_stress', 'low_social_support', 'accepts_support']),
      parent_wishes: 'Liefst thuis, in de ochtend.',
      items_json: JSON.stringify(DEFAULT_SHARE_ITEMS),
      basis: 'consent',
      consent_id: u.consentId,
      no_consent_json: null,
      confirmed_by: null,
      confirmed_at: null,
      shared_json: null,
      sent_at: sentAt,
      sent_by: nurse.id,
      feedback_due: addDays(sentDay, partner.feedback_days ?? 14),
      feedback_received_at: status === 'sent' || status === 'received' ? null : sentAt,
      decline_reason: status === 'declined' ? 'Past beter bij de Jeugd-GGZ' : null,
      intake_date: status === 'accepted' || status === 'in_care' ? addDays(sentDay, 14) : null,
      consent_withdrawn_at: null,
      first_signal_date: addDays(sentDay, -30),
      created_at: sentAt,
      updated_at: sentAt,
      version: 2,
    };
    row.shared_json = JSON.stringify(
      buildShared({
        referral: row,
        family: u.family,
        child: u.child,
        caregivers: [u.caregiver],
        referrer: { name: nurse.display_name, organisation: organisation.name, email: nurse.email },
        region: organisation.region,
        today: sentDay,
      }),
    );
    referrals.push(row);
    history.push({
      id: demoId(rng, sentMs),
      referral_id: row.id,
      status: 'sent',
      at: sentAt,
      by_user_id: nurse.id,
      by_organisation_id: nurse.organisation_id,
      note: 'nestwerk',
    });
    if (referrals.length >= CHUNK) await flush();
  }
  await flush();
  // Fresh statistics and visibility map, as autovacuum keeps them on a live database: PostgreSQL plans by the
  // former and answers index-only scans by the latter.
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  await (postgres ? sql`vacuum analyze referrals` : sql`analyze`).execute(db);
  return { receiverOrganisationId: receiver, referrals: options.count };
}
