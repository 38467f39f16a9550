import type {
  CarePlan,
  Consent,
  Extension,
  Organization,
  Provenance,
  Reference,
  ServiceRequest,
} from '@medplum/fhirtypes';
import type { Agreement, Consent as NestwerkConsent, ReferralSummary } from '@nestwerk/contract';
import type { Anchors } from './export-people.ts';
import { fhirId, nw, ref } from './ids.ts';
import type { FhirFamilyInput } from './input.ts';
import { EXTENSIONS, HL7, LOINC, NESTWERK_ID_SYSTEMS } from './mapping.ts';

/**
 * An agreement made with the parents: the plan (its text), the follow-up contact it plans, and, with the
 * parents' permission, the topic to bring up again. An agreement replaced by a later one is completed, and the
 * later one says which it replaces.
 */
export function carePlan(input: FhirFamilyInput, a: Anchors, ag: Agreement): CarePlan {
  const contact = ag.contactId ? input.contacts.find((c) => c.contact.id === ag.contactId) : undefined;
  const replaced = input.family.agreements.filter((x) => x.supersededBy === ag.id);
  const done = ag.status === 'done';
  const activity: NonNullable<CarePlan['activity']> = [];
  if (ag.followUpDue || ag.extraContact)
    activity.push({
      detail: {
        kind: 'Appointment',
        code: { coding: [nw('care-plan-activity', ag.extraContact ? 'extra-contact' : 'follow-up')] },
        status: done ? 'completed' : 'scheduled',
        ...(ag.followUpDue ? { scheduledPeriod: { start: ag.followUpDue } } : {}),
      },
    });
  return {
    resourceType: 'CarePlan',
    id: fhirId('CarePlan', ag.id),
    ...(ag.nextTopic && ag.nextTopicPermission
      ? { extension: [{ url: EXTENSIONS.agreementNextTopic, valueString: ag.nextTopic }] }
      : {}),
    identifier: [{ system: NESTWERK_ID_SYSTEMS.agreement, value: ag.id }],
    ...(replaced.length > 0 ? { replaces: replaced.map((r) => ref(fhirId('CarePlan', r.id))) } : {}),
    status: done ? 'completed' : 'active',
    intent: 'plan',
    description: ag.text,
    subject: ref((contact && a.patients.get(contact.contact.childId)) ?? a.firstChild),
    ...(contact ? { encounter: ref(a.encounters.get(contact.contact.id) as string) } : {}),
    created: ag.createdAt,
    author: ref(a.organisation, input.organisation.name),
    ...(activity.length > 0 ? { activity } : {}),
  };
}

/** ServiceRequest.status is coarse; the referral's own status travels beside it (referral-status). */
const REFERRAL_TO_REQUEST: Record<string, ServiceRequest['status']> = {
  draft: 'draft',
  sent: 'active',
  received: 'active',
  accepted: 'active',
  in_care: 'active',
  declined: 'revoked',
  closed: 'completed',
};

export function serviceRequest(input: FhirFamilyInput, a: Anchors, r: ReferralSummary): ServiceRequest {
  const detail = input.referralDetails[r.id];
  const extension: Extension[] = [
    { url: EXTENSIONS.referralStatus, valueCoding: nw('referral-status', r.status) },
    ...(r.feedbackDue ? [{ url: EXTENSIONS.feedbackDue, valueDate: r.feedbackDue }] : []),
  ];
  const interventions = detail?.interventions ?? [];
  return {
    resourceType: 'ServiceRequest',
    id: fhirId('ServiceRequest', r.id),
    extension,
    identifier: [{ system: NESTWERK_ID_SYSTEMS.referral, value: r.id }],
    status: REFERRAL_TO_REQUEST[r.status] ?? 'unknown',
    intent: 'order',
    category: [{ coding: [nw('sharing-basis', r.basis)] }],
    ...(interventions.length > 0
      ? { code: { coding: interventions.map((i) => nw('intervention', i)) } }
      : {}),
    subject: ref((detail && a.patients.get(detail.childId)) ?? a.firstChild),
    authoredOn: r.sentAt ?? r.createdAt,
    requester: ref(a.organisation, input.organisation.name),
    performer: [ref(a.partners.get(r.partner.id) as string, r.partner.name)],
    ...(detail?.reasonText ? { reasonCode: [{ text: detail.reasonText }] } : {}),
    // The consent the referral rests on, so that a receiver keeps the basis whole.
    ...(detail?.consentId && input.family.consents.some((c) => c.id === detail.consentId)
      ? { supportingInfo: [ref(fhirId('Consent', detail.consentId))] }
      : {}),
  };
}

/**
 * A consent to share: who gave it, for what purpose, with whom, how far (the share items) and for how long.
 * An expired or withdrawn consent is inactive; the withdrawal time ends its period and is kept on its own.
 */
export function consent(input: FhirFamilyInput, a: Anchors, c: NestwerkConsent): Consent {
  const giver = a.relatedPersons.get(c.givenBy.id);
  const recipient: Reference<Organization> =
    c.recipientPartnerId && a.partners.has(c.recipientPartnerId)
      ? ref(a.partners.get(c.recipientPartnerId) as string, c.recipient)
      : { display: c.recipient };
  const end = c.withdrawnAt ?? c.validUntil;
  return {
    resourceType: 'Consent',
    id: fhirId('Consent', c.id),
    extension: [
      { url: EXTENSIONS.consentPurpose, valueString: c.purpose },
      { url: EXTENSIONS.consentStatus, valueCode: c.status },
      ...(c.withdrawnAt ? [{ url: EXTENSIONS.consentWithdrawnAt, valueDateTime: c.withdrawnAt }] : []),
    ],
    identifier: [{ system: NESTWERK_ID_SYSTEMS.consent, value: c.id }],
    status: c.status === 'active' ? 'active' : 'inactive',
    scope: {
      coding: [{ system: HL7.consentScope, code: 'patient-privacy', display: 'Privacy Consent' }],
    },
    category: [{ coding: [{ system: LOINC, code: '59284-0', display: 'Patient Consent' }] }],
    patient: ref(a.firstChild),
    dateTime: c.givenAt,
    ...(giver ? { performer: [ref(giver, c.givenBy.name ?? undefined)] } : {}),
    organization: [ref(a.organisation, input.organisation.name)],
    policyRule: { coding: [{ system: HL7.actCode, code: 'OPTIN', display: 'opt-in' }] },
    provision: {
      type: 'permit',
      period: { start: c.givenAt, ...(end ? { end } : {}) },
      actor: [
        {
          role: {
            coding: [{ system: HL7.participationType, code: 'IRCP', display: 'information recipient' }],
          },
          reference: recipient,
        },
      ],
      purpose: [{ system: HL7.actReason, code: 'TREAT', display: 'treatment' }],
      ...(c.scope && c.scope.length > 0
        ? { code: c.scope.map((item) => ({ coding: [nw('share-item', item)] })) }
        : c.scopeNote
          ? { code: [{ text: c.scopeNote }] }
          : {}),
    },
  };
}

/** Who assembled this copy of the file, and when: one Provenance over every resource in the Bundle. */
export function provenance(input: FhirFamilyInput, a: Anchors, targets: string[]): Provenance {
  return {
    resourceType: 'Provenance',
    id: fhirId('Provenance', input.family.id, input.exportedAt),
    target: targets.map((id) => ref(id)),
    recorded: input.exportedAt,
    agent: [
      {
        type: { coding: [{ system: HL7.provenanceParticipant, code: 'assembler', display: 'Assembler' }] },
        who: ref(a.organisation, input.organisation.name),
      },
    ],
  };
}
