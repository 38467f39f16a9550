import { HttpError } from '../http/errors.ts';
import { codesOf, cueLevel } from '../network/vocabulary.ts';
import type { Db } from '../repositories/db.ts';
import { listObservations } from '../repositories/observations.ts';

// What a referral starts from: the contact's assessment and observations. The referral draft, the referral
// options and the demo loader all read them this way.

/** The assessment of the given contact, or of the family's latest contact. */
export async function assessmentOf(
  trx: Db,
  familyId: string,
  contactId: string | undefined,
): Promise<{ contactId: string; resultJson: string } | undefined> {
  let q = trx
    .selectFrom('assessments as a')
    .innerJoin('contacts as c', 'c.id', 'a.contact_id')
    .select(['c.id as contactId', 'a.result_json as resultJson'])
    .where('a.family_id', '=', familyId);
  if (contactId !== undefined) q = q.where('c.id', '=', contactId);
  const row = await q.orderBy('c.date', 'desc').orderBy('c.id', 'desc').limit(1).executeTakeFirst();
  if (!row && contactId !== undefined)
    throw new HttpError(
      'invalid_input',
      'This contact is not part of this family’s file.',
      'contactId',
    ).because('not_in_file');
  return row;
}

/** Defaults from the contact the referral starts from: what was seen and heard there. */
export async function fromContact(trx: Db, familyId: string, contactId: string | undefined) {
  const assessment = await assessmentOf(trx, familyId, contactId);
  if (!assessment)
    return { contactId: null, cues: [], factors: [], criteria: [], imhReasons: [], recommendations: [] };
  const observations = await listObservations(trx, assessment.contactId);
  let imhReasons: string[] = [];
  let recommendations: Array<{ id: string; interventions: string[] }> = [];
  try {
    const result = JSON.parse(assessment.resultJson) as {
      referral?: { imhReasons?: unknown };
      recommendations?: Array<{ id: string; interventions: string[] }>;
    };
    imhReasons = codesOf(JSON.stringify(result.referral?.imhReasons ?? []));
    recommendations = Array.isArray(result.recommendations) ? result.recommendations : [];
  } catch {
    // An unreadable stored result gives no defaults; the professional fills them in.
  }
  return {
    contactId: assessment.contactId,
    // The concerning cues; safe cues describe what goes well and stay with the family's own professional.
    cues: observations.filter((o) => o.kind === 'cue' && cueLevel(o.code) !== 'safe').map((o) => o.code),
    factors: observations.filter((o) => o.kind === 'factor' && o.value === 'present').map((o) => o.code),
    criteria: observations.filter((o) => o.kind === 'criterion').map((o) => o.code),
    imhReasons,
    recommendations,
  };
}
