import { completedMonths, normaliseScope } from '@nestwerk/engine';
import { DEFAULT_SHARE_ITEMS } from '@nestwerk/knowledge';
import type { Kysely } from 'kysely';
import type { Database, ReferralTable } from '../db/schema.ts';
import { fromContact } from '../domain/referral-defaults.ts';
import { buildSnapshot } from '../domain/referral-load.ts';
import { addDays, localDate } from '../policies/calendar.ts';
import { firstSignalDate } from '../repositories/referrals.ts';
import { demoId, Random } from './random.ts';
import type { StaffPlan } from './staff.ts';

// The demo's referrals, sent through the social maps of network.ts.

/** What a story must fit: who cares for the child, and whether the nurse recorded a parent in good mental health. */
interface Household {
  caregivers: number;
  mother: boolean;
  father: boolean;
  mentallyHealthy: boolean;
}

/** A story that fits any family: the one told where the region's own would contradict the file. */
const ANY_FAMILY = {
  nl: {
    reason: 'Ouder en kind lopen vast; de ouder wil graag hulp bij het lezen van de signalen van het kind.',
    wishes: 'Afspraken liefst in de ochtend, thuis.',
    feedback: 'Aanmelding ontvangen en besproken in het team. We plannen een eerste huisbezoek.',
  },
  be: {
    reason:
      'Ouder en kind lopen vast; de ouder wil graag hulp om de signalen van het kind beter te begrijpen.',
    wishes: 'Liefst een huisbezoek in de voormiddag.',
    feedback:
      'Aanmelding ontvangen en besproken op ons teamoverleg. We nemen deze week contact op met het gezin.',
  },
} as const;

/**
 * How the demo referrals read in each region, one story per referral (just sent, accepted, overdue): Flemish
 * referrals go to the CGG's baby- en peuterteam. The stories fit a child of any age under six.
 */
const REFERRAL_TEXT = {
  nl: {
    purpose: 'Aanmelding bij het IMH-team voor ondersteuning van ouder en kind',
    phone: '030 000 1100',
    // The Dutch story fits any family.
    stories: [{ fits: () => true, ...ANY_FAMILY.nl }],
  },
  be: {
    purpose: 'Aanmelding bij het baby- en peuterteam van het CGG voor ondersteuning van ouder en kind',
    phone: '09 000 11 00',
    stories: [
      {
        fits: (h: Household) => h.mother && !h.mentallyHealthy,
        reason:
          'Mama voelt zich al enkele maanden somber en uitgeput en vindt moeilijk aansluiting bij haar kind. Ze vraagt zelf om ondersteuning.',
        wishes: 'Liefst een huisbezoek; op woensdag werkt mama niet.',
        feedback:
          'Aanmelding ontvangen en besproken op ons teamoverleg. We nemen deze week contact op met mama.',
      },
      {
        fits: (h: Household) => h.mother && h.father,
        reason:
          'Papa en mama zijn na een moeilijke periode (ziekenhuisopname van het kind) erg ongerust en kunnen hun kind moeilijk geruststellen; het kind slaapt slecht en klampt zich vast.',
        wishes: 'Beide ouders willen erbij zijn; na 16 uur of op zaterdagvoormiddag.',
        feedback:
          'We hebben het gezin gezien voor een eerste gesprek. We starten met vijf sessies ouder-kindbegeleiding, thuis; opvolging door Kind en Gezin blijft lopen.',
      },
      {
        fits: (h: Household) => h.mother && h.caregivers === 1,
        reason:
          'Jonge alleenstaande mama met weinig steun rond zich; ze vertelt dat ze vaak boos wordt als haar kind huilt en schaamt zich daarover. Ze staat open voor hulp.',
        wishes: 'Liefst eerst telefonisch kennismaken; mama heeft geen auto.',
        feedback:
          'Aanmelding ontvangen en besproken op ons teamoverleg. We nemen deze week contact op met mama.',
      },
    ],
  },
} as const;

/**
 * A few referrals from each region's demo nurse to that region's IMH team, so the intake queues and the nurses'
 * worklists show the workflow: one just sent, one accepted with feedback, one whose feedback is overdue.
 */
export async function loadDemoReferrals(
  db: Kysely<Database>,
  staff: StaffPlan,
  seed: string,
  today: Date,
): Promise<number> {
  let made = 0;
  for (const region of ['nl', 'be'] as const)
    made += await loadRegionReferrals(db, staff, region, new Random(`${seed}:referrals:${region}`), today);
  return made;
}

async function loadRegionReferrals(
  db: Kysely<Database>,
  staff: StaffPlan,
  region: 'nl' | 'be',
  rng: Random,
  today: Date,
): Promise<number> {
  const words = REFERRAL_TEXT[region];
  const organisationId = staff[region].organisationId;
  const nurseId = staff[region].nurseIds[0];
  const imhPartner = await db
    .selectFrom('partners')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('nestwerk_organisation_id', 'is not', null)
    .executeTakeFirst();
  if (!nurseId || !imhPartner?.nestwerk_organisation_id) return 0;
  const candidates = await imhAdvisingContacts(db, nurseId, localDate(today));
  const referred = new Set<string>();
  const plans = [
    { sentDaysAgo: 2, status: 'sent' as const },
    { sentDaysAgo: 9, status: 'accepted' as const },
    { sentDaysAgo: 25, status: 'sent' as const },
  ];
  const imhUser = staff.imh[region].userId;
  let made = 0;
  // The oldest referral first: its contact must be the oldest, which the fewest families have.
  for (const [i, plan] of [...plans.entries()].reverse()) {
    const sentMs = today.getTime() - plan.sentDaysAgo * 86_400_000;
    const sentAt = new Date(sentMs).toISOString();
    const sentDay = localDate(new Date(sentMs));
    const f = candidates.find(
      (c) =>
        !referred.has(c.familyId) &&
        c.contactDate <= sentDay &&
        c.contactDate >= addDays(sentDay, -CONTACT_WITHIN_DAYS),
    );
    if (!f) continue;
    referred.add(f.familyId);
    await db.transaction().execute(async (trx) => {
      const persons = await trx
        .selectFrom('persons')
        .selectAll()
        .where('family_id', '=', f.familyId)
        .orderBy('id')
        .execute();
      const child = persons.find((p) => p.kind === 'child' && p.birth_date !== null);
      const caregiver = persons.find((p) => p.kind === 'caregiver');
      if (!child || !caregiver) return;
      const seen = await fromContact(trx, f.familyId, f.contactId);
      const caregivers = persons.filter((p) => p.kind === 'caregiver');
      const household: Household = {
        caregivers: caregivers.length,
        mother: caregivers.some((p) => p.caregiver_role === 'mother'),
        father: caregivers.some((p) => p.caregiver_role === 'father'),
        mentallyHealthy: (seen.factors as readonly string[]).includes('parent_mental_health'),
      };
      // The story the plan wants, unless it would contradict this family's file (a single mother is not
      // "papa en mama"); then one that fits any family.
      const planned = words.stories[i % words.stories.length]!;
      const story = planned.fits(household) ? planned : ANY_FAMILY[region];
      const consentId = demoId(rng, sentMs - 3_600_000);
      await trx
        .insertInto('consents')
        .values({
          id: consentId,
          family_id: f.familyId,
          given_by: caregiver.id,
          purpose: words.purpose,
          recipient: imhPartner.name,
          // As the consent form records one: the partner on the map, and what the referral shares.
          recipient_partner_id: imhPartner.id,
          recipient_kind: null,
          scope: null,
          scope_items_json: JSON.stringify(normaliseScope(DEFAULT_SHARE_ITEMS)),
          given_at: sentAt,
          valid_until: addDays(sentDay, 365),
          withdrawn_at: null,
          recorded_by: nurseId,
          created_at: sentAt,
          version: 1,
        })
        .execute();
      const id = demoId(rng, sentMs);
      const row: ReferralTable = {
        id,
        organisation_id: organisationId,
        family_id: f.familyId,
        child_id: child.id,
        contact_id: seen.contactId,
        recommendation_id: f.recommendationId,
        partner_id: imhPartner.id,
        receiver_organisation_id: imhPartner.nestwerk_organisation_id,
        referrer_id: nurseId,
        referrer_phone: words.phone,
        status: 'draft',
        channel: null,
        criteria_json: JSON.stringify(seen.criteria),
        imh_reasons_json: JSON.stringify(seen.imhReasons),
        reason_text: story.reason,
        interventions_json: JSON.stringify(['imh_team']),
        cues_json: JSON.stringify(seen.cues),
        factors_json: JSON.stringify(seen.factors),
        parent_wishes: story.wishes,
        items_json: JSON.stringify(DEFAULT_SHARE_ITEMS),
        basis: 'consent',
        consent_id: consentId,
        no_consent_json: null,
        confirmed_by: null,
        confirmed_at: null,
        shared_json: null,
        sent_at: null,
        sent_by: null,
        feedback_due: null,
        feedback_received_at: null,
        decline_reason: null,
        intake_date: null,
        consent_withdrawn_at: null,
        first_signal_date: await firstSignalDate(trx, f.familyId),
        created_at: sentAt,
        updated_at: sentAt,
        version: 1,
      };
      const shared = await buildSnapshot(trx, row, sentDay);
      const accepted = plan.status === 'accepted';
      const acceptedAt = new Date(sentMs + 2 * 86_400_000).toISOString();
      await trx
        .insertInto('referrals')
        .values({
          ...row,
          status: plan.status,
          channel: 'nestwerk',
          shared_json: JSON.stringify(shared),
          sent_at: sentAt,
          sent_by: nurseId,
          feedback_due: addDays(sentDay, imhPartner.feedback_days ?? 14),
          feedback_received_at: accepted ? acceptedAt : null,
          intake_date: accepted ? addDays(localDate(today), 5) : null,
          version: accepted ? 3 : 2,
        })
        .execute();
      const history = [
        { status: 'draft' as const, at: sentAt, by: nurseId, org: organisationId },
        { status: 'sent' as const, at: sentAt, by: nurseId, org: organisationId },
        ...(accepted
          ? [
              {
                status: 'received' as const,
                at: acceptedAt,
                by: imhUser,
                org: imhPartner.nestwerk_organisation_id,
              },
              {
                status: 'accepted' as const,
                at: acceptedAt,
                by: imhUser,
                org: imhPartner.nestwerk_organisation_id,
              },
            ]
          : []),
      ];
      for (const h of history)
        await trx
          .insertInto('referral_status_history')
          .values({
            id: demoId(rng, Date.parse(h.at)),
            referral_id: id,
            status: h.status,
            at: h.at,
            by_user_id: h.by,
            by_organisation_id: h.org,
            note: h.status === 'sent' ? 'nestwerk' : null,
          })
          .execute();
      if (accepted && imhUser)
        await trx
          .insertInto('referral_feedback')
          .values({
            id: demoId(rng, Date.parse(acceptedAt)),
            referral_id: id,
            author_organisation_id: imhPartner.nestwerk_organisation_id,
            recorded_by: imhUser,
            source: 'nestwerk',
            text: story.feedback,
            created_at: acceptedAt,
          })
          .execute();
      if (imhUser)
        await trx
          .insertInto('notifications')
          .values({
            id: demoId(rng, sentMs),
            user_id: imhUser,
            kind: 'referral_received',
            referral_id: id,
            created_at: sentAt,
            read_at: accepted ? acceptedAt : null,
            dedupe_key: null,
          })
          .execute();
      made += 1;
    });
  }
  return made;
}

/** The IMH team's age span in the demo's stories: from pregnancy to the fifth birthday (seed 001). */
const IMH_BELOW_MONTHS = 60;
/** A referral follows the contact that advised it within this many days. */
const CONTACT_WITHIN_DAYS = 365;

interface Referrable {
  familyId: string;
  contactId: string;
  contactDate: string;
  recommendationId: string;
}

/**
 * Contacts that advised referring to the IMH team (the 2-of-4 criteria in the Netherlands, one IMH signal in
 * Flanders, seed 004), newest first per family, for children still in the team's age span: a demo referral
 * carries the criteria, signals and factors of the contact that advised it, so the intake queue reads like it.
 */
async function imhAdvisingContacts(
  db: Kysely<Database>,
  nurseId: string,
  today: string,
): Promise<Referrable[]> {
  const rows = await db
    .selectFrom('assessments as a')
    .innerJoin('contacts as c', 'c.id', 'a.contact_id')
    .innerJoin('care_relationships as cr', 'cr.family_id', 'a.family_id')
    .select(['a.family_id', 'a.contact_id', 'c.date', 'a.result_json'])
    .select((eb) =>
      eb
        .selectFrom('persons as p')
        .select('p.birth_date')
        .whereRef('p.family_id', '=', 'a.family_id')
        .where('p.kind', '=', 'child')
        .where('p.birth_date', 'is not', null)
        .orderBy('p.id')
        .limit(1)
        .as('birth_date'),
    )
    .where('cr.user_id', '=', nurseId)
    .orderBy('a.family_id')
    .orderBy('c.date', 'desc')
    .orderBy('c.id', 'desc')
    .execute();
  const found: Referrable[] = [];
  for (const r of rows) {
    if (!r.birth_date || completedMonths(r.birth_date, today) >= IMH_BELOW_MONTHS) continue;
    let recommendations: Array<{ id?: unknown; category?: unknown; interventions?: unknown }> = [];
    try {
      recommendations =
        (JSON.parse(r.result_json) as { recommendations?: typeof recommendations }).recommendations ?? [];
    } catch {
      // An unreadable result advises nothing.
    }
    const imh = recommendations.find(
      (x) =>
        x.category === 'refer_outside' &&
        Array.isArray(x.interventions) &&
        x.interventions.includes('imh_team'),
    );
    if (typeof imh?.id === 'string')
      found.push({
        familyId: r.family_id,
        contactId: r.contact_id,
        contactDate: r.date,
        recommendationId: imh.id,
      });
  }
  return found;
}
