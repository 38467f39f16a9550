import type {
  CodeableConcept,
  Coding,
  Observation,
  Patient,
  Questionnaire,
  QuestionnaireResponse,
  QuestionnaireResponseItem,
  Reference,
} from '@medplum/fhirtypes';
import type { ContactWithAssessment, InstrumentResult, ParentScreening } from '@nestwerk/contract';
import { knowledge } from '@nestwerk/knowledge';
import { nestwerkCodeSystem } from './code-systems.ts';
import type { Anchors } from './export-people.ts';
import { fhirId, nw, ref } from './ids.ts';
import type { FhirFamilyInput } from './input.ts';
import {
  codeSystemUrl,
  EXTENSIONS,
  HL7,
  LOINC,
  LOINC_TOTALS,
  NESTWERK_ID_SYSTEMS,
  questionnaireUrl,
} from './mapping.ts';

const category = (kind: string): CodeableConcept[] => [
  { coding: [{ system: HL7.observationCategory, code: 'survey', display: 'Survey' }] },
  { coding: [nw('observation-kind', kind)] },
];

const concept = (coding: Coding): CodeableConcept => ({ coding: [coding] });

interface Frame {
  id: string;
  kind: string;
  code: CodeableConcept;
  status: Observation['status'];
  subject: Observation['subject'];
  encounter?: Observation['encounter'];
  effective: string;
  performer?: string;
}

function observation(f: Frame, rest: Partial<Observation>): Observation {
  return {
    resourceType: 'Observation',
    id: f.id,
    status: f.status,
    category: category(f.kind),
    code: f.code,
    subject: f.subject,
    ...(f.encounter ? { encounter: f.encounter } : {}),
    effectiveDateTime: f.effective,
    ...(f.performer ? { performer: [{ display: f.performer }] } : {}),
    ...rest,
  };
}

/** What one contact recorded: the cues seen, the factors known, the criteria met and the two estimates. */
export function contactObservations(
  a: Anchors,
  { contact, assessment }: ContactWithAssessment,
): Observation[] {
  const frame = (kind: string, key: string, code: CodeableConcept): Frame => ({
    id: fhirId('Observation', contact.id, kind, key),
    kind,
    code,
    status: contact.status === 'final' ? 'final' : 'preliminary',
    subject: ref(a.patients.get(contact.childId) ?? a.firstChild),
    encounter: ref(a.encounters.get(contact.id) as string),
    effective: contact.date,
    ...(contact.professional.displayName ? { performer: contact.professional.displayName } : {}),
  });
  const out: Observation[] = [];
  for (const code of Object.keys(contact.cues).sort())
    out.push(observation(frame('cue', code, concept(nw('cue', code))), { valueBoolean: true }));
  const factor = (
    key: string,
    code: string,
    value: { value: string; reportedBy: string; recordedAt: string },
  ) => ({
    valueCodeableConcept: concept(nw('factor-value', value.value)),
    method: concept(nw('report-source', value.reportedBy)),
    issued: value.recordedAt,
    code,
    key,
  });
  for (const [code, v] of Object.entries(contact.factors).sort(([x], [y]) => x.localeCompare(y))) {
    if (!v) continue;
    const { valueCodeableConcept, method, issued } = factor(code, code, v);
    out.push(
      observation(frame('factor', code, concept(nw('factor', code))), {
        valueCodeableConcept,
        method,
        issued,
      }),
    );
  }
  for (const [personId, factors] of Object.entries(contact.parentFactors).sort(([x], [y]) =>
    x.localeCompare(y),
  ))
    for (const [code, v] of Object.entries(factors).sort(([x], [y]) => x.localeCompare(y))) {
      if (!v) continue;
      const parent = a.relatedPersons.get(personId);
      const { valueCodeableConcept, method, issued } = factor(`${personId}:${code}`, code, v);
      out.push(
        observation(frame('factor', `${personId}:${code}`, concept(nw('factor', code))), {
          ...(parent ? { focus: [ref(parent)] } : {}),
          valueCodeableConcept,
          method,
          issued,
        }),
      );
    }
  for (const code of Object.keys(contact.criteria).sort())
    out.push(
      observation(frame('criterion', code, concept(nw('referral-criterion', code))), { valueBoolean: true }),
    );
  if (contact.agreedBand)
    out.push(
      observation(frame('agreed-band', 'agreed', concept(nw('observation-kind', 'agreed-band'))), {
        valueCodeableConcept: concept(nw('relationship-band', contact.agreedBand)),
        ...(contact.agreedNote ? { note: [{ text: contact.agreedNote }] } : {}),
      }),
    );
  else if (contact.agreedBandNotDiscussed)
    out.push(
      observation(frame('agreed-band', 'agreed', concept(nw('observation-kind', 'agreed-band'))), {
        dataAbsentReason: concept({ system: HL7.dataAbsentReason, code: 'not-asked', display: 'Not Asked' }),
      }),
    );
  if (assessment)
    out.push(
      observation(frame('suggested-band', 'suggested', concept(nw('observation-kind', 'suggested-band'))), {
        extension: [{ url: EXTENSIONS.knowledgeVersion, valueString: assessment.knowledgeVersion }],
        valueCodeableConcept: concept(nw('relationship-band', assessment.relationship.suggestedBand)),
      }),
    );
  return out;
}

function screeningItems(s: ParentScreening): QuestionnaireResponseItem[] | null {
  if (s.answers) return s.answers.map((v, i) => ({ linkId: `item${i + 1}`, answer: [{ valueBoolean: v }] }));
  if (s.items) return s.items.map((v, i) => ({ linkId: `item${i + 1}`, answer: [{ valueInteger: v }] }));
  return null;
}

/**
 * A parent's screening. The JGZ file is the child's and a parent is not a patient of JGZ, so the Observation is
 * recorded in the child's file (subject) about the parent (focus); the answers are the parent's own
 * QuestionnaireResponse (subject and source the RelatedPerson).
 */
export function screeningResources(
  input: FhirFamilyInput,
  a: Anchors,
  s: ParentScreening,
): Array<Observation | QuestionnaireResponse> {
  const parent = a.relatedPersons.get(s.personId);
  const contact = s.contactId ? input.contacts.find((c) => c.contact.id === s.contactId) : undefined;
  const subject: Reference<Patient> = ref(
    (contact && a.patients.get(contact.contact.childId)) ?? a.firstChild,
  );
  const encounter = s.contactId ? a.encounters.get(s.contactId) : undefined;
  const items = screeningItems(s);
  const qrId = fhirId('QuestionnaireResponse', 'screening', s.id);
  const loinc = LOINC_TOTALS[s.instrument];
  const out: Array<Observation | QuestionnaireResponse> = [];
  if (items)
    out.push({
      resourceType: 'QuestionnaireResponse',
      id: qrId,
      identifier: { system: NESTWERK_ID_SYSTEMS.screening, value: s.id },
      questionnaire: questionnaireUrl(s.instrument),
      status: 'completed',
      ...(parent ? { subject: ref(parent), source: ref(parent) } : {}),
      ...(encounter ? { encounter: ref(encounter) } : {}),
      authored: s.date,
      item: items,
    });
  out.push(
    observation(
      {
        id: fhirId('Observation', 'screening', s.id),
        kind: 'parent-screening',
        code: {
          coding: [...(loinc ? [{ system: LOINC, ...loinc }] : []), nw('instrument', s.instrument)],
        },
        status: 'final',
        subject,
        ...(encounter ? { encounter: ref(encounter) } : {}),
        effective: s.date,
        ...(s.professional.displayName ? { performer: s.professional.displayName } : {}),
      },
      {
        identifier: [{ system: NESTWERK_ID_SYSTEMS.screening, value: s.id }],
        ...(parent ? { focus: [ref(parent)] } : {}),
        ...(s.total !== null
          ? { valueInteger: s.total }
          : {
              dataAbsentReason: concept({
                system: HL7.dataAbsentReason,
                code: 'unknown',
                display: 'Unknown',
              }),
            }),
        interpretation: [concept(nw('screening-outcome', s.outcome))],
        ...(items ? { derivedFrom: [ref(qrId)] } : {}),
        ...(s.item10 !== null
          ? { component: [{ code: concept(nw('observation-kind', 'epds-item10')), valueInteger: s.item10 }] }
          : {}),
      },
    ),
  );
  return out;
}

/** A questionnaire about the child: one Observation with a component per scale, and the answers as given. */
export function instrumentResources(
  input: FhirFamilyInput,
  a: Anchors,
  r: InstrumentResult,
): Array<Observation | QuestionnaireResponse> {
  const subject: Reference<Patient> = ref(a.patients.get(r.childId) ?? a.firstChild);
  const encounter = r.contactId ? a.encounters.get(r.contactId) : undefined;
  const answers = input.instrumentResponses.find((x) => x.id === r.id)?.answers ?? null;
  const qrId = fhirId('QuestionnaireResponse', 'instrument', r.id);
  const out: Array<Observation | QuestionnaireResponse> = [];
  if (answers)
    out.push({
      resourceType: 'QuestionnaireResponse',
      id: qrId,
      identifier: { system: NESTWERK_ID_SYSTEMS.instrumentResponse, value: r.id },
      questionnaire: `${questionnaireUrl(r.instrumentId)}|${r.definitionVersion}`,
      status: 'completed',
      subject,
      ...(encounter ? { encounter: ref(encounter) } : {}),
      authored: r.createdAt,
      item: Object.keys(answers)
        .sort()
        .map((linkId) => {
          const v = answers[linkId];
          return typeof v === 'number' ? { linkId, answer: [{ valueInteger: v }] } : { linkId };
        }),
    });
  out.push(
    observation(
      {
        id: fhirId('Observation', 'instrument', r.id),
        kind: 'instrument-score',
        code: concept(nw('instrument', r.instrumentId)),
        status: 'final',
        subject,
        ...(encounter ? { encounter: ref(encounter) } : {}),
        effective: r.createdAt,
      },
      {
        identifier: [{ system: NESTWERK_ID_SYSTEMS.instrumentResponse, value: r.id }],
        ...(answers ? { derivedFrom: [ref(qrId)] } : {}),
        ...(r.score && r.score.scales.length > 0
          ? {
              component: r.score.scales.map((scale) => ({
                code: {
                  coding: [
                    {
                      system: codeSystemUrl('instrument-scale'),
                      code: `${r.instrumentId}:${scale.id}`,
                      display: scale.label.nl,
                    },
                  ],
                },
                ...(scale.score !== null
                  ? { valueQuantity: { value: scale.score } }
                  : {
                      dataAbsentReason: concept({
                        system: HL7.dataAbsentReason,
                        code: 'unknown',
                        display: 'Unknown',
                      }),
                    }),
                ...(scale.band ? { interpretation: [{ text: scale.band }] } : {}),
              })),
            }
          : {
              dataAbsentReason: concept({
                system: HL7.dataAbsentReason,
                code: 'unknown',
                display: 'Unknown',
              }),
            }),
      },
    ),
  );
  return out;
}

/**
 * The Questionnaires Nestwerk ships for the instruments used in this file: the parent screening instruments
 * with their items (no item texts: where they may be shipped they are in the app, the EPDS text is licensed), and
 * a header for each questionnaire about the child (its items come from the organisation's licensed definition).
 */
export function questionnaires(used: Set<string>): Questionnaire[] {
  const system = nestwerkCodeSystem('instrument');
  return [...used].sort().map((id) => {
    const parent = knowledge.parentScreeningInstruments.find((p) => p.id === id);
    const title = system?.concept?.find((c) => c.code === id)?.display ?? id;
    return {
      resourceType: 'Questionnaire',
      id: fhirId('Questionnaire', id),
      url: questionnaireUrl(id),
      title,
      status: 'active',
      subjectType: parent ? ['RelatedPerson'] : ['Patient'],
      code: [nw('instrument', id)],
      ...(parent
        ? {
            item: Array.from({ length: parent.items }, (_, i) => ({
              linkId: `item${i + 1}`,
              type: parent.itemMax === 1 && id === 'whooley' ? ('boolean' as const) : ('integer' as const),
              required: true,
            })),
          }
        : {}),
    };
  });
}
