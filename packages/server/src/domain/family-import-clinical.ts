import { type ContactIn, contactIn } from '@nestwerk/contract';
import { v7 as uuid } from 'uuid';
import type { ImportedRecordTable } from '../db/schema.ts';
import type { ClinicalRead, ContactRead, FactorRead } from '../fhir/import-clinical.ts';
import { HttpError } from '../http/errors.ts';
import { insertAgreement } from '../repositories/agreements.ts';
import { insertAssessment } from '../repositories/assessments.ts';
import { insertConsent } from '../repositories/consents.ts';
import { insertContact } from '../repositories/contacts.ts';
import { bit, type Db } from '../repositories/db.ts';
import { replaceObservations } from '../repositories/observations.ts';
import { replaceParentFactors } from '../repositories/parent-factors.ts';
import type { RequestContext } from '../routes/shared/context.ts';
import { ageColumns, compute } from './contact-assessment.ts';
import { observationRows, parentFactorRows } from './contact-rows.ts';
import { matchPartners, writeReferrals } from './family-import-referrals.ts';
import { BundleRejected } from './family-import-rejected.ts';
import {
  linkScreenings,
  type Mark,
  writeInstrumentResults,
  writeScreenings,
} from './family-import-results.ts';

/**
 * Writes the clinical content of an imported Bundle into the family just created, inside the import's
 * transaction: contacts (with the engine's suggestion worked out again here), their observations with the
 * moments they were first recorded, agreements and consents (a consent's recipient linked to the partner this
 * organisation knows by that name, else kept as a name: external), then screenings, questionnaire results and
 * referrals (family-import-results.ts); each with its original dates and a provenance record naming the sender.
 * Nothing here is sent anywhere.
 */

type Factors = Record<string, { value: FactorRead['value']; reportedBy: FactorRead['reportedBy'] }>;

function contactBody(c: ContactRead, childId: string, personId: (entry: number) => string): unknown {
  const factors: Factors = {};
  for (const f of c.factors) factors[f.code] = { value: f.value, reportedBy: f.reportedBy };
  const parentFactors: Record<string, Factors> = {};
  for (const f of c.parentFactors) {
    const mine = parentFactors[personId(f.personEntry)] ?? {};
    mine[f.code] = { value: f.value, reportedBy: f.reportedBy };
    parentFactors[personId(f.personEntry)] = mine;
  }
  return {
    childId,
    type: c.type,
    date: c.date,
    status: c.status,
    cues: Object.fromEntries(c.cues.map((code) => [code, true])),
    factors,
    criteria: Object.fromEntries(c.criteria.map((code) => [code, true])),
    parentFactors,
    ...(c.agreedBand ? { agreedBand: c.agreedBand } : {}),
    ...(c.agreedBandNotDiscussed ? { agreedBandNotDiscussed: true } : {}),
    ...(c.agreedNote ? { agreedNote: c.agreedNote } : {}),
    ...(c.notes ? { notes: c.notes } : {}),
  };
}

/** The contract's own schema is the last word on a contact: what the form would refuse, the import refuses. */
function checkedBody(c: ContactRead, body: unknown): ContactIn {
  const parsed = contactIn.safeParse(body);
  if (parsed.success) return parsed.data;
  throw new BundleRejected(
    parsed.error.issues.map((i) => ({
      entry: c.entry,
      resourceType: 'Encounter',
      path: `Encounter(${i.path.join('.')})`,
      code: 'invalid',
    })),
  );
}

/** The code an error's body gives its first issue (the same code the route would have answered with). */
function issueCode(e: HttpError): string {
  const issues = e.toBody().issues;
  const first = Array.isArray(issues) ? (issues[0] as { code?: unknown } | undefined) : undefined;
  return typeof first?.code === 'string' ? first.code : e.error;
}

export async function writeClinicalContent(
  trx: Db,
  ctx: RequestContext,
  familyId: string,
  content: ClinicalRead,
  /** The new person id of each Patient and RelatedPerson entry. */
  persons: Map<number, string>,
): Promise<
  Record<'contacts' | 'agreements' | 'consents' | 'screenings' | 'instrumentResults' | 'referrals', number>
> {
  const { at, principal } = ctx;
  const personId = (entry: number) => persons.get(entry) as string;
  const provenance: ImportedRecordTable[] = [];
  const mark: Mark = (kind, recordId, sourceId, author = null) =>
    provenance.push({
      id: uuid(),
      family_id: familyId,
      record_kind: kind,
      record_id: recordId,
      source_system: content.sourceSystem,
      source_id: sourceId,
      source_author: author,
      imported_by: principal.userId,
      imported_at: at,
    });

  mark('family', familyId, null);
  const partners = await matchPartners(trx, principal.organisationId, content.partners);

  const consentIds = new Map<number, string>();
  // Newest first in the file, ties by id: written oldest first so that new ids keep the sender's order.
  for (const c of [...content.consents].reverse()) {
    const id = uuid();
    consentIds.set(c.entry, id);
    const partner = c.recipientEntry === null ? undefined : partners.get(c.recipientEntry);
    await insertConsent(trx, {
      id,
      family_id: familyId,
      given_by: personId(c.givenByEntry),
      purpose: c.purpose,
      recipient: c.recipient,
      scope: c.scopeNote,
      recipient_partner_id: partner ? partner.id : null,
      recipient_kind: null,
      scope_items_json: c.scope ? JSON.stringify(c.scope) : null,
      given_at: c.givenAt,
      valid_until: c.validUntil,
      withdrawn_at: c.withdrawnAt,
      recorded_by: principal.userId,
      created_at: at,
      version: 1,
    });
    mark('consent', id, c.sourceId);
  }

  // Before the contacts: the engine reads the screenings on file when it works out a contact's suggestion.
  const screenings = await writeScreenings(trx, ctx, familyId, content.screenings, personId, mark);
  const contactIds = new Map<number, string>();
  for (const c of content.contacts) {
    const childId = personId(c.childEntry);
    const body = checkedBody(c, contactBody(c, childId, personId));
    let computed: Awaited<ReturnType<typeof compute>>;
    try {
      computed = await compute(trx, ctx, familyId, body, { historic: true });
    } catch (e) {
      if (!(e instanceof HttpError)) throw e;
      throw new BundleRejected([
        { entry: c.entry, resourceType: 'Encounter', path: 'Encounter', code: issueCode(e) },
      ]);
    }
    const id = uuid();
    contactIds.set(c.entry, id);
    await insertContact(trx, {
      id,
      family_id: familyId,
      child_id: childId,
      professional_id: principal.userId,
      type: c.type,
      date: c.date,
      ...ageColumns(computed.age),
      status: c.status,
      notes: c.notes,
      created_at: at,
      updated_at: at,
      version: 1,
    });
    // "Who said so, and when" stays the sender's: each observation keeps the moment it was first recorded.
    const recorded = new Map(c.factors.map((f) => [f.code, f.recordedAt]));
    const observations = observationRows(id, body, at).map((o) =>
      o.kind === 'factor' ? { ...o, recorded_at: recorded.get(o.code) ?? at } : o,
    );
    const parentRecorded = new Map(
      c.parentFactors.map((f) => [`${personId(f.personEntry)}|${f.code}`, f.recordedAt]),
    );
    await replaceObservations(trx, id, observations);
    await replaceParentFactors(
      trx,
      id,
      parentFactorRows(id, body, at).map((f) => ({
        ...f,
        recorded_at: parentRecorded.get(`${f.person_id}|${f.code}`) ?? at,
      })),
    );
    await insertAssessment(trx, {
      id: uuid(),
      contact_id: id,
      family_id: familyId,
      created_at: at,
      ...computed.values,
    });
    mark('contact', id, c.sourceId, c.professionalName);
  }

  const oldestFirst = [...content.agreements].reverse();
  const agreementIds = new Map(oldestFirst.map((a) => [a.entry, uuid()]));
  for (const a of oldestFirst) {
    const id = agreementIds.get(a.entry) as string;
    await insertAgreement(trx, {
      id,
      family_id: familyId,
      contact_id: a.contactEntry === null ? null : (contactIds.get(a.contactEntry) ?? null),
      text: a.text,
      next_topic: a.nextTopic,
      next_topic_permission: bit(a.nextTopic !== null),
      extra_contact: bit(a.extraContact),
      follow_up_due: a.followUpDue,
      status: a.status,
      superseded_by: null,
      created_by: principal.userId,
      created_at: a.createdAt,
      updated_at: a.createdAt,
      version: 1,
    });
    mark('agreement', id, a.sourceId);
  }
  // The replaced agreement points at its successor, which exists only once all are written.
  for (const a of content.agreements)
    for (const replaced of a.replaces)
      await trx
        .updateTable('agreements')
        .set({ superseded_by: agreementIds.get(a.entry) as string })
        .where('id', '=', agreementIds.get(replaced) as string)
        .execute();
  const contactId = (entry: number | null) => (entry === null ? null : (contactIds.get(entry) ?? null));
  await linkScreenings(trx, screenings, contactId);
  const instrumentResults = await writeInstrumentResults(
    trx,
    ctx,
    familyId,
    content.instrumentResults,
    personId,
    contactId,
    mark,
  );
  const referrals = await writeReferrals(trx, ctx, familyId, content, personId, partners, consentIds, mark);
  await trx.insertInto('imported_records').values(provenance).execute();
  return {
    contacts: contactIds.size,
    agreements: agreementIds.size,
    consents: content.consents.length,
    screenings: screenings.length,
    instrumentResults,
    referrals,
  };
}
