import {
  type QuestionnaireDefinition,
  type QuestionnaireDefinitionJson,
  questionnaireDefinitionSchema,
} from '@nestwerk/engine';

/**
 * Questionnaire definitions this browser can fill in. The guideline instruments ship without item texts
 * (licences); an organisation loads its licensed definition as JSON, validated by the engine's schema.
 * They are kept per organisation in this browser. The practice list is ours and clearly not an instrument:
 * it lets a nurse try the flow.
 */
const KEY = (organisationId: string) => `nestwerk.definitions.v1.${organisationId}`;

export const PRACTICE_DEFINITION: QuestionnaireDefinitionJson = {
  id: 'oefenlijst',
  name: 'Oefenlijst samen invullen',
  version: '1',
  licence: {
    nl: 'Eigen oefenlijst van Nestwerk, vrij te gebruiken. Geen gevalideerd instrument.',
    en: 'Nestwerk practice list, free to use. Not a validated instrument.',
  },
  answerOptions: [
    { value: 0, label: { nl: 'Nooit', en: 'Never' } },
    { value: 1, label: { nl: 'Soms', en: 'Sometimes' } },
    { value: 2, label: { nl: 'Vaak', en: 'Often' } },
    { value: 3, label: { nl: 'Bijna altijd', en: 'Almost always' } },
  ],
  items: [
    {
      id: 'p1',
      text: {
        nl: 'Ik geniet van momenten samen met mijn kind.',
        en: 'I enjoy moments together with my child.',
      },
      reverse: true,
    },
    {
      id: 'p2',
      text: { nl: 'Ik voel me moe of opgebrand.', en: 'I feel tired or worn out.' },
    },
    {
      id: 'p3',
      text: {
        nl: 'Ik weet wat mijn kind nodig heeft als het huilt.',
        en: 'I know what my child needs when it cries.',
      },
      reverse: true,
    },
    {
      id: 'p4',
      text: {
        nl: 'Ik maak me zorgen over hoe het thuis gaat.',
        en: 'I worry about how things are going at home.',
      },
      criticalFrom: 3,
    },
  ],
  scales: [
    {
      id: 'total',
      label: { nl: 'Totaal', en: 'Total' },
      items: ['p1', 'p2', 'p3', 'p4'],
      maxMissing: 1,
      cutoffs: [
        {
          from: 0,
          band: 'low',
          label: {
            nl: 'Weinig aanleiding tot zorg (indicatie)',
            en: 'Little cause for concern (indication)',
          },
        },
        {
          from: 6,
          band: 'talk',
          label: {
            nl: 'Aanleiding om samen verder te praten (indicatie, geen diagnose)',
            en: 'Reason to talk further together (indication, not a diagnosis)',
          },
        },
      ],
    },
  ],
};

export type ParseDefinition = { ok: true; value: QuestionnaireDefinition } | { ok: false; message: string };

export function parseDefinition(raw: unknown): ParseDefinition {
  const result = questionnaireDefinitionSchema.safeParse(raw);
  if (result.success) return { ok: true, value: result.data };
  const issue = result.error.issues[0];
  return { ok: false, message: issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'invalid' };
}

function read(organisationId: string): unknown[] {
  try {
    const raw = globalThis.localStorage?.getItem(KEY(organisationId));
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    return Array.isArray(parsed) ? parsed : [];
  } catch {
    return [];
  }
}

/** The practice list plus every valid loaded definition (a later load with the same id replaces the earlier). */
export function loadedDefinitions(organisationId: string): QuestionnaireDefinition[] {
  const byId = new Map<string, QuestionnaireDefinition>();
  for (const raw of [PRACTICE_DEFINITION, ...read(organisationId)]) {
    const parsed = parseDefinition(raw);
    if (parsed.ok) byId.set(parsed.value.id, parsed.value);
  }
  return [...byId.values()];
}

export function storeDefinition(organisationId: string, raw: unknown): ParseDefinition {
  const parsed = parseDefinition(raw);
  if (!parsed.ok) return parsed;
  const others = read(organisationId).filter((d) => (d as { id?: unknown }).id !== parsed.value.id);
  try {
    globalThis.localStorage?.setItem(KEY(organisationId), JSON.stringify([...others, raw]));
  } catch {
    return { ok: false, message: 'storage' };
  }
  return parsed;
}
