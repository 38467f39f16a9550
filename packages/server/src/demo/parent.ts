import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { demoId, Random } from './random.ts';
import { DEMO_DOMAIN, type StaffPlan } from './staff.ts';

export const DEMO_PARENT_EMAIL = `ouder@${DEMO_DOMAIN}`;

export interface DemoParent {
  email: string;
  familyId: string;
  familyName: string;
}

/**
 * The demo parent (DESIGN §4.5): a caregiver with parental authority in a Dutch family of the demo nurse that
 * has young children, finished contacts and a referral to the IMH team resting on this caregiver's consent —
 * so the portal shows tips, agreements, a referral and a consent to withdraw. Demo password, no second factor.
 * Recorded in the one `demo.load` audit entry, like the rest of the synthetic data.
 */
export async function loadDemoParent(
  db: Kysely<Database>,
  staff: StaffPlan,
  seed: string,
  passwordHash: string,
  today: number,
): Promise<DemoParent | null> {
  const nurseId = staff.nl.nurseIds[0];
  if (!nurseId) return null;
  const candidates = await db
    .selectFrom('referrals as r')
    .innerJoin('consents as c', 'c.id', 'r.consent_id')
    .innerJoin('persons as child', 'child.id', 'r.child_id')
    .innerJoin('families as f', 'f.id', 'r.family_id')
    .select(['r.family_id', 'c.given_by', 'f.name', 'child.birth_date'])
    .where('r.organisation_id', '=', staff.nl.organisationId)
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
  const id = demoId(new Random(`${seed}:parent`), today);
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('persons').set({ parental_authority: 1 }).where('id', '=', pick.given_by).execute();
    await trx
      .insertInto('parent_accounts')
      .values({
        id,
        person_id: pick.given_by,
        family_id: pick.family_id,
        email: DEMO_PARENT_EMAIL,
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
  return { email: DEMO_PARENT_EMAIL, familyId: pick.family_id, familyName: pick.name };
}
