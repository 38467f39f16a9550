import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { demoId, Random } from './random.ts';
import { DEMO_DOMAIN, type RegionStaff, type StaffPlan } from './staff.ts';

export const DEMO_PARENT_EMAIL = `ouder@${DEMO_DOMAIN}`;
/** The Flemish family's parent: the portal in nl-BE wording, with Kind en Gezin and the CGG. */
export const DEMO_PARENT_EMAIL_BE = `ouder.be@${DEMO_DOMAIN}`;

export interface DemoParent {
  email: string;
  familyId: string;
  familyName: string;
}

/**
 * The demo parents (DESIGN §4.5): `ouder@` in a Dutch family of the Dutch demo nurse, and `ouder.be@` in a
 * Flemish family of the Flemish one, so the portal can be seen in both regions' wording. Each is a caregiver
 * with parental authority in a family with young children, finished contacts and, where the demo has one, a
 * referral to the IMH team resting on this caregiver's consent — so the portal shows tips, agreements, a
 * referral and a consent to withdraw. Demo password, no second factor. Recorded in the one `demo.load` audit
 * entry, like the rest of the synthetic data.
 */
export async function loadDemoParents(
  db: Kysely<Database>,
  staff: StaffPlan,
  seed: string,
  passwordHash: string,
  today: number,
): Promise<DemoParent[]> {
  const parents: DemoParent[] = [];
  // The Dutch parent keeps the seed's id it always had; the Flemish one has its own.
  const nl = await loadDemoParent(db, staff.nl, DEMO_PARENT_EMAIL, `${seed}:parent`, passwordHash, today);
  if (nl) parents.push(nl);
  const be = await loadDemoParent(
    db,
    staff.be,
    DEMO_PARENT_EMAIL_BE,
    `${seed}:parent:be`,
    passwordHash,
    today,
  );
  if (be) parents.push(be);
  return parents;
}

async function loadDemoParent(
  db: Kysely<Database>,
  region: RegionStaff,
  email: string,
  seed: string,
  passwordHash: string,
  today: number,
): Promise<DemoParent | null> {
  const nurseId = region.nurseIds[0];
  if (!nurseId) return null;
  const candidates = await db
    .selectFrom('referrals as r')
    .innerJoin('consents as c', 'c.id', 'r.consent_id')
    .innerJoin('persons as child', 'child.id', 'r.child_id')
    .innerJoin('families as f', 'f.id', 'r.family_id')
    .select(['r.family_id', 'c.given_by', 'f.name', 'child.birth_date'])
    .where('r.organisation_id', '=', region.organisationId)
    .where('r.referrer_id', '=', nurseId)
    .where('c.withdrawn_at', 'is', null)
    .orderBy('child.birth_date', 'desc')
    .orderBy('r.id')
    .execute();
  // A small demo may have no referral yet: then any family of the demo nurse with a caregiver will do.
  const pick =
    candidates[0] ??
    (await db
      .selectFrom('care_relationships as cr')
      .innerJoin('families as f', 'f.id', 'cr.family_id')
      .innerJoin('persons as c', 'c.family_id', 'f.id')
      .innerJoin('persons as child', 'child.family_id', 'f.id')
      .select(['f.id as family_id', 'c.id as given_by', 'f.name', 'child.birth_date'])
      .where('cr.user_id', '=', nurseId)
      .where('c.kind', '=', 'caregiver')
      .where('child.kind', '=', 'child')
      .where('child.birth_date', 'is not', null)
      .orderBy('child.birth_date', 'desc')
      .orderBy('c.id')
      .executeTakeFirst());
  if (!pick) return null;
  const at = new Date(today).toISOString();
  const id = demoId(new Random(seed), today);
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('persons').set({ parental_authority: 1 }).where('id', '=', pick.given_by).execute();
    await trx
      .insertInto('parent_accounts')
      .values({
        id,
        person_id: pick.given_by,
        family_id: pick.family_id,
        email,
        password_hash: passwordHash,
        totp_secret: null,
        totp_enrolled_at: null,
        is_demo: 1,
        suspended_at: null,
        suspended_reason: null,
        suspended_by: null,
        created_at: at,
        version: 1,
      })
      .execute();
  });
  return { email, familyId: pick.family_id, familyName: pick.name };
}
