import type { Notification } from '@nestwerk/contract';
import type { Principal } from '../../http/principal.ts';
import { parseShared } from '../../network/share.ts';
import { relationshipFamilyIds } from '../../policies/family-scope.ts';
import { decideReceiverAccess, sharingState } from '../../policies/referrals.ts';
import type { Db } from '../../repositories/db.ts';
import type { NotificationRow } from '../../repositories/notifications.ts';

export type Subject = NonNullable<Notification['subject']>;

export interface Subjects {
  byNotification: Map<string, Subject>;
  /** Families whose (child's) name was shown, with the basis: each gets a row in its access log. */
  shown: Map<string, 'care_relationship' | 'consent' | 'no_consent'>;
}

const fullName = (p: { given_name: string; family_name: string }) => `${p.given_name} ${p.family_name}`;

/**
 * Whom each notice concerns, limited to what the user may see anyway: for the family's own professionals
 * (an active care relationship, theirs or their team's) the family's name and the child's; for the receiving
 * team of a referral only the child's name, and only while the referral shares it and sharing still rests on
 * a valid basis. Anything else stays unnamed.
 */
export async function resolveSubjects(
  trx: Db,
  principal: Principal,
  today: string,
  rows: readonly NotificationRow[],
): Promise<Subjects> {
  const referralIds = [...new Set(rows.flatMap((n) => (n.referral_id ? [n.referral_id] : [])))];
  const referrals = referralIds.length
    ? await trx
        .selectFrom('referrals')
        .select([
          'id',
          'family_id',
          'child_id',
          'organisation_id',
          'receiver_organisation_id',
          'status',
          'basis',
          'consent_id',
          'consent_withdrawn_at',
          'shared_json',
        ])
        .where('id', 'in', referralIds)
        .execute()
    : [];
  const candidates = [
    ...new Set([
      ...rows.flatMap((n) => (n.family_id ? [n.family_id] : [])),
      ...referrals.filter((r) => r.organisation_id === principal.organisationId).map((r) => r.family_id),
    ]),
  ];
  const [families, children, consents] = await Promise.all([
    candidates.length
      ? trx
          .selectFrom('families')
          .select(['id', 'name'])
          .where('id', 'in', candidates)
          .where('organisation_id', '=', principal.organisationId)
          .where('id', 'in', relationshipFamilyIds(trx, principal, today))
          .execute()
      : Promise.resolve([]),
    referrals.length
      ? trx
          .selectFrom('persons')
          .select(['id', 'given_name', 'family_name'])
          .where(
            'id',
            'in',
            referrals.map((r) => r.child_id),
          )
          .execute()
      : Promise.resolve([]),
    referrals.some((r) => r.consent_id)
      ? trx
          .selectFrom('consents')
          .select(['id', 'withdrawn_at', 'valid_until'])
          .where(
            'id',
            'in',
            referrals.flatMap((r) => (r.consent_id ? [r.consent_id] : [])),
          )
          .execute()
      : Promise.resolve([]),
  ]);
  const familyName = new Map(families.map((f) => [f.id, f.name]));
  const childName = new Map(children.map((c) => [c.id, fullName(c)]));
  const consentById = new Map(consents.map((c) => [c.id, c]));
  const referralById = new Map(referrals.map((r) => [r.id, r]));

  const byNotification = new Map<string, Subject>();
  const shown: Subjects['shown'] = new Map();
  for (const n of rows) {
    const r = n.referral_id ? referralById.get(n.referral_id) : undefined;
    if (r) {
      const family = familyName.get(r.family_id);
      if (family !== undefined && r.organisation_id === principal.organisationId) {
        byNotification.set(n.id, { family, child: childName.get(r.child_id) ?? null });
        shown.set(r.family_id, 'care_relationship');
        continue;
      }
      const receiver = decideReceiverAccess(principal, {
        receiverOrganisationId: r.receiver_organisation_id,
        status: r.status,
      });
      const consent = r.consent_id ? consentById.get(r.consent_id) : undefined;
      if (receiver.allowed && sharingState(r, consent, today).open) {
        const child = parseShared(r.shared_json)?.child;
        const name = [child?.givenName, child?.familyName].filter(Boolean).join(' ');
        if (name !== '') {
          byNotification.set(n.id, { family: null, child: name });
          shown.set(r.family_id, r.basis);
        }
      }
      continue;
    }
    const family = n.family_id ? familyName.get(n.family_id) : undefined;
    if (n.family_id && family !== undefined) {
      byNotification.set(n.id, { family, child: null });
      shown.set(n.family_id, 'care_relationship');
    }
  }
  return { byNotification, shown };
}
