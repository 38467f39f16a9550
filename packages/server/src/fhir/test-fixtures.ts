import type {
  Agreement,
  Caregiver,
  Child,
  Consent,
  ContactWithAssessment,
  ParentScreening,
} from '@nestwerk/contract';
import type { FhirFamilyInput } from './input.ts';

/** Ids that read as what they are in a failing test: uuid-shaped, numbered by kind. */
export const uid = (kind: number, n: number): string =>
  `00000000-0000-4000-8000-${kind.toString(16).padStart(4, '0')}${n.toString(16).padStart(8, '0')}`;

const AT = '2026-11-30T10:00:00.000Z';

export function child(n: number, over: Partial<Child> = {}): Child {
  return {
    id: uid(1, n),
    kind: 'child',
    givenName: `Kind${n}`,
    familyName: 'de Vries',
    birthDate: '2026-03-01',
    dueDate: null,
    firstChild: n === 0,
    nationalId: null,
    version: 1,
    ...over,
  } as Child;
}

export function caregiver(n: number, over: Partial<Caregiver> = {}): Caregiver {
  return {
    id: uid(2, n),
    kind: 'caregiver',
    givenName: `Ouder${n}`,
    familyName: 'de Vries',
    role: 'mother',
    birthYear: 1994,
    lowEducation: false,
    phone: '+31 6 12345678',
    nationalId: null,
    version: 1,
    ...over,
  } as Caregiver;
}

export function contact(
  n: number,
  childId: string,
  over: Partial<ContactWithAssessment['contact']> = {},
): ContactWithAssessment {
  return {
    contact: {
      id: uid(3, n),
      familyId: uid(0, 0),
      childId,
      professional: { id: uid(9, 1), displayName: 'Anna Jansen' },
      type: 'consult',
      date: '2026-05-01',
      status: 'final',
      childAgeMonths: 2,
      gestationWeeks: null,
      cues: {},
      factors: {},
      criteria: {},
      parentFactors: {},
      agreedBand: null,
      agreedBandNotDiscussed: false,
      agreedNote: null,
      agreement: null,
      notes: null,
      createdAt: AT,
      updatedAt: AT,
      version: 1,
      ...over,
    },
    assessment: null,
  };
}

export function agreement(n: number, over: Partial<Agreement> = {}): Agreement {
  return {
    id: uid(4, n),
    contactId: null,
    text: 'Extra huisbezoek over slapen',
    nextTopic: null,
    nextTopicPermission: false,
    extraContact: false,
    followUpDue: null,
    status: 'open',
    supersededBy: null,
    overdue: false,
    createdAt: AT,
    updatedAt: AT,
    version: 1,
    ...over,
  };
}

export function consent(n: number, givenBy: string, over: Partial<Consent> = {}): Consent {
  return {
    id: uid(5, n),
    givenBy: { id: givenBy, name: 'Ouder0 de Vries' },
    purpose: 'Verwijzing naar videohometraining',
    recipient: 'Ouder-kindteam Noord',
    recipientPartnerId: uid(6, 1),
    recipientKind: null,
    scope: ['reason', 'referrer', 'child_age'],
    scopeNote: null,
    legacy: false,
    givenAt: AT,
    validUntil: '2027-05-30',
    withdrawnAt: null,
    status: 'active',
    recordedBy: uid(9, 1),
    version: 1,
    ...over,
  };
}

export function screening(n: number, personId: string, over: Partial<ParentScreening> = {}): ParentScreening {
  return {
    id: uid(7, n),
    familyId: uid(0, 0),
    personId,
    role: 'mother',
    instrument: 'epds',
    date: '2026-05-01',
    contactId: null,
    answers: null,
    total: 14,
    item10: 1,
    items: null,
    outcome: 'urgent',
    reasons: [],
    nextStep: '',
    sources: [],
    thresholds: null,
    professional: { id: uid(9, 1), displayName: 'Anna Jansen' },
    source: 'professional',
    createdAt: AT,
    ...over,
  };
}

/**
 * A family with one of everything the export maps, in the given region: a born and an unborn child, three
 * caregivers with national ids, a final and a draft contact with every kind of observation, parent screenings
 * as totals, items and yes/no answers, a scored questionnaire, agreements (one replaced), referrals in several
 * states, and an active, a withdrawn, an expired and a legacy consent.
 */
export function richInput(region: 'nl' | 'be'): FhirFamilyInput {
  const kids = [child(0), child(1, { birthDate: null, dueDate: '2027-02-01', firstChild: false })];
  const parents = [
    caregiver(0),
    caregiver(1, { role: 'father', givenName: 'Piet', phone: null, birthYear: null, lowEducation: null }),
    caregiver(2, { role: 'grandparent', givenName: 'Oma' }),
  ];
  const [c0, c1] = kids.map((k) => k.id) as [string, string];
  const [mother, father] = parents.map((p) => p.id) as [string, string];
  const recorded = { reportedBy: 'parent' as const, recordedAt: AT };
  const contacts = [
    contact(0, c0, {
      cues: { child_accepts_comfort: true, parent_misses_child_stress: true },
      factors: {
        low_social_support: { value: 'present', ...recorded },
        preterm_birth: { value: 'absent', reportedBy: 'professional', recordedAt: AT },
      },
      parentFactors: { [mother]: { parent_depression: { value: 'present', ...recorded } } },
      criteria: { parent_worry_or_overload_persistent: true },
      agreedBand: 'insecure',
      agreedNote: 'Samen besproken',
      notes: 'Moeder moe, vader werkt veel.',
    }),
    contact(1, c1, {
      type: 'prenatal_visit',
      status: 'draft',
      agreedBandNotDiscussed: true,
      childAgeMonths: null,
    }),
    contact(2, c0, { type: 'phone', date: '2026-06-01' }),
    contact(3, c0, {
      type: 'home_visit',
      date: '2026-07-01',
      professional: { id: uid(9, 2), displayName: null },
    }),
  ];
  const nationalIds =
    region === 'nl'
      ? { [c0]: '111222333', [mother]: '123456782' }
      : { [c0]: '26030100180', [mother]: '94010100110' };
  return {
    exportedAt: AT,
    organisation: {
      id: uid(8, region === 'nl' ? 1 : 2),
      name: region === 'nl' ? 'JGZ Utrecht' : 'Kind en Gezin',
      region,
    },
    family: {
      id: uid(0, 0),
      name: 'Familie de Vries',
      postcode: region === 'nl' ? '3511 AB' : '1000',
      municipality: region === 'nl' ? 'Utrecht' : 'Brussel',
      createdAt: AT,
      updatedAt: AT,
      version: 1,
      children: kids,
      caregivers: parents,
      agreements: [
        agreement(0, {
          contactId: contacts[0]?.contact.id ?? null,
          status: 'done',
          supersededBy: uid(4, 1),
          followUpDue: '2026-06-01',
        }),
        agreement(1, {
          extraContact: true,
          followUpDue: '2026-08-01',
          nextTopic: 'Slapen',
          nextTopicPermission: true,
        }),
        agreement(2, { text: 'Contact met huisarts', status: 'done' }),
      ],
      consents: [
        consent(0, mother),
        consent(1, father, {
          status: 'withdrawn',
          withdrawnAt: '2026-10-01T09:00:00.000Z',
          recipientPartnerId: null,
          recipient: 'Huisarts Bos',
        }),
        consent(2, mother, { status: 'expired', validUntil: '2026-06-01' }),
        consent(3, mother, { legacy: true, scope: null, scopeNote: 'Alles over slapen', validUntil: null }),
      ],
      instrumentResults: [
        {
          id: uid(10, 0),
          childId: c0,
          contactId: contacts[0]?.contact.id ?? null,
          instrumentId: 'lsvg',
          definitionVersion: '2024.1',
          score: {
            questionnaireId: 'lsvg',
            version: '2024.1',
            scales: [
              {
                id: 'total',
                label: { nl: 'Totaal', en: 'Total' },
                score: 12,
                answered: 10,
                missing: 0,
                prorated: false,
                band: 'normal',
                interpretation: null,
              },
              {
                id: 'sub',
                label: { nl: 'Sub', en: 'Sub' },
                score: null,
                answered: 0,
                missing: 4,
                prorated: false,
                band: null,
                interpretation: null,
              },
            ],
            criticalItems: [],
          },
          createdAt: AT,
        },
        {
          id: uid(10, 1),
          childId: c1,
          contactId: null,
          instrumentId: 'ari_cp_2_5',
          definitionVersion: '1',
          score: null,
          createdAt: AT,
        },
      ],
      careTeam: [],
      careNetwork: { members: [], coordinatorId: null },
      referrals: [
        {
          id: uid(11, 0),
          partner: { id: uid(6, 1), name: 'Ouder-kindteam Noord' },
          status: 'in_care',
          basis: 'consent',
          flagged: false,
          sentAt: AT,
          feedbackDue: '2026-12-30',
          feedbackOverdue: false,
          consentWithdrawnAt: null,
          createdAt: AT,
        },
        {
          id: uid(11, 1),
          partner: { id: uid(6, 2), name: 'Veilig Thuis' },
          status: 'draft',
          basis: 'no_consent',
          flagged: true,
          sentAt: null,
          feedbackDue: null,
          feedbackOverdue: false,
          consentWithdrawnAt: null,
          createdAt: AT,
        },
        {
          id: uid(11, 2),
          partner: { id: uid(6, 1), name: 'Ouder-kindteam Noord' },
          status: 'declined',
          basis: 'consent',
          flagged: false,
          sentAt: AT,
          feedbackDue: null,
          feedbackOverdue: false,
          consentWithdrawnAt: AT,
          createdAt: AT,
        },
      ],
      safetyRoute: null,
      screenings: [
        {
          personId: mother,
          role: 'mother',
          screenings: [
            screening(0, mother, { contactId: contacts[0]?.contact.id ?? null }),
            screening(1, mother, {
              instrument: 'gad_7',
              total: 8,
              item10: null,
              items: [1, 1, 1, 1, 1, 1, 2],
              outcome: 'rescreen',
            }),
            screening(2, mother, {
              instrument: 'whooley',
              total: 1,
              item10: null,
              answers: [true, false],
              outcome: 'screen_further',
            }),
            screening(3, mother, { instrument: 'phq_9', total: 4, item10: null, outcome: 'no_concern' }),
          ],
        },
        {
          personId: father,
          role: 'father',
          screenings: [
            screening(4, father, {
              role: 'father',
              instrument: 'gad_2',
              total: 2,
              item10: null,
              items: [1, 1],
              outcome: 'no_concern',
            }),
          ],
        },
      ],
    },
    contacts,
    instrumentResponses: [
      {
        id: uid(10, 0),
        instrumentId: 'lsvg',
        answers: { q1: 2, q2: null, q3: 0 },
        score: null,
        createdAt: AT,
      },
      { id: uid(10, 1), instrumentId: 'ari_cp_2_5', answers: null, score: null, createdAt: AT },
    ],
    referralDetails: {
      [uid(11, 0)]: {
        childId: c0,
        interventions: ['vipp_sd'],
        reasonText: 'Onveilige hechting vermoed',
        consentId: uid(5, 0),
      },
      [uid(11, 1)]: {
        childId: c0,
        interventions: ['meldcode_veilig_thuis'],
        reasonText: null,
        consentId: null,
      },
      [uid(11, 2)]: { childId: c0, interventions: [], reasonText: null, consentId: uid(5, 0) },
    },
    nationalIds,
  };
}
