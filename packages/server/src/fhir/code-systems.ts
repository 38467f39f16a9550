import type { CodeSystem, CodeSystemConcept } from '@medplum/fhirtypes';
import {
  CAREGIVER_ROLES,
  CONTACT_TYPES,
  KNOWLEDGE_VERSION,
  knowledge,
  PARENT_SCREENING_INSTRUMENTS,
  REFERRAL_STATUSES,
  RELATIONSHIP_BANDS,
  SCREENING_OUTCOMES,
  SHARE_ITEMS,
  SHARING_BASES,
  type Text,
} from '@nestwerk/knowledge';
import { codeSystemUrl } from './mapping.ts';

/**
 * Nestwerk's own CodeSystems, generated from the knowledge package so that a code in an export always has its
 * definition one request away (GET /api/fhir/CodeSystem/:name). Displays are Dutch (the product's first
 * language) with an English designation; the version is the knowledge version, which changes with the content.
 */

interface Concept {
  code: string;
  label: Text;
  definition?: string;
  properties?: Record<string, string>;
}

function concept(c: Concept): CodeSystemConcept {
  return {
    code: c.code,
    display: c.label.nl,
    ...(c.definition ? { definition: c.definition } : {}),
    designation: [
      { language: 'en', value: c.label.en },
      ...(c.label.nlBE && c.label.nlBE !== c.label.nl ? [{ language: 'nl-BE', value: c.label.nlBE }] : []),
    ],
    ...(c.properties
      ? { property: Object.entries(c.properties).map(([code, valueCode]) => ({ code, valueCode })) }
      : {}),
  };
}

/** A label for codes the knowledge names without one: the code's words, the same in both languages. */
const plain = (code: string, nl: string): Text => ({ nl, en: code.replaceAll('_', ' ') });

interface Definition {
  title: string;
  description: string;
  properties?: Array<{ code: string; description: string }>;
  /** Whether every code is in the system; `not-present` for codes defined elsewhere (licensed definitions). */
  content?: 'complete' | 'not-present';
  concepts: () => Concept[];
}

const DEFINITIONS: Record<string, Definition> = {
  cue: {
    title: 'Nestwerk signalen ouder-kindrelatie',
    description: 'Observed cues of the parent–child relationship (guideline Tabel 2.1), with their level.',
    properties: [
      { code: 'level', description: 'safe, insecure or problematic' },
      { code: 'subject', description: 'child, parent or interaction' },
    ],
    concepts: () =>
      knowledge.cues.map((c) => ({
        code: c.code,
        label: c.label,
        properties: { level: c.level, subject: c.subject },
      })),
  },
  factor: {
    title: 'Nestwerk risico- en beschermende factoren',
    description: 'Hindering and protective factors (guideline Tabel 2.2, TNO Tabel 1) per level.',
    properties: [
      { code: 'kind', description: 'hindering or protective' },
      { code: 'level', description: 'parent, family or child' },
      { code: 'phase', description: 'pregnancy or any' },
    ],
    concepts: () =>
      knowledge.factors.map((f) => ({
        code: f.code,
        label: f.label,
        properties: { kind: f.kind, level: f.level, phase: f.phase },
      })),
  },
  'referral-criterion': {
    title: 'Nestwerk verwijscriteria',
    description: 'Criteria for referral outside JGZ (guideline Thema 3, aanbeveling 3).',
    concepts: () => knowledge.referralCriteria.map((c) => ({ code: c.code, label: c.label })),
  },
  intervention: {
    title: 'Nestwerk interventies',
    description: 'Interventions and routes the guideline names, with their category.',
    properties: [{ code: 'category', description: 'the kind of intervention' }],
    concepts: () =>
      knowledge.interventions.map((i) => ({
        code: i.code,
        label: i.label,
        properties: { category: i.category },
      })),
  },
  instrument: {
    title: 'Nestwerk instrumenten',
    description: 'Questionnaires about the child and the perinatal screening instruments for parents.',
    concepts: () => [
      ...knowledge.instruments.map((i) => ({ code: i.id, label: i.label })),
      ...knowledge.parentScreeningInstruments
        .filter((p) => (PARENT_SCREENING_INSTRUMENTS as readonly string[]).includes(p.id))
        .map((p) => ({ code: p.id, label: p.label })),
    ],
  },
  'instrument-scale': {
    title: 'Nestwerk instrumentschalen',
    description:
      'Scales of questionnaires about the child, coded "<instrument>:<scale>". The scales come from the ' +
      'definitions an organisation loads under its licence, so this system lists none of them.',
    content: 'not-present',
    concepts: () => [],
  },
  'relationship-band': {
    title: 'Nestwerk inschatting ouder-kindrelatie',
    description: 'Where the parent–child relationship sits on the continuum, suggested or agreed.',
    concepts: () =>
      RELATIONSHIP_BANDS.map((code) => ({
        code,
        label: {
          safe: { nl: 'Veilig', en: 'Safe' },
          insecure: { nl: 'Onveilig', en: 'Insecure' },
          problematic_suspected: { nl: 'Vermoeden problematisch', en: 'Problematic suspected' },
          unclear: { nl: 'Onduidelijk', en: 'Unclear' },
        }[code],
      })),
  },
  'screening-outcome': {
    title: 'Nestwerk uitkomst screening ouder',
    description: 'The outcome of a parent screening, from least to most pressing; never a diagnosis.',
    concepts: () =>
      SCREENING_OUTCOMES.map((code) => ({
        code,
        label: {
          no_concern: { nl: 'Geen zorg', en: 'No concern' },
          screen_further: { nl: 'Verder screenen', en: 'Screen further' },
          rescreen: { nl: 'Opnieuw screenen', en: 'Rescreen' },
          clinical_assessment: { nl: 'Klinische beoordeling', en: 'Clinical assessment' },
          urgent: { nl: 'Urgent', en: 'Urgent' },
        }[code],
      })),
  },
  'observation-kind': {
    title: 'Nestwerk soorten observaties',
    description:
      'What an exported Observation records; used as its category and for the estimates as its code.',
    concepts: () => [
      { code: 'cue', label: { nl: 'Signaal', en: 'Cue' } },
      { code: 'factor', label: { nl: 'Factor', en: 'Factor' } },
      { code: 'criterion', label: { nl: 'Verwijscriterium', en: 'Referral criterion' } },
      { code: 'agreed-band', label: { nl: 'Afgesproken inschatting', en: 'Agreed estimate' } },
      { code: 'suggested-band', label: { nl: 'Voorgestelde inschatting', en: 'Suggested estimate' } },
      { code: 'parent-screening', label: { nl: 'Screening ouder', en: 'Parent screening' } },
      { code: 'instrument-score', label: { nl: 'Score instrument', en: 'Instrument score' } },
      { code: 'epds-item10', label: { nl: 'EPDS vraag 10', en: 'EPDS item 10' } },
    ],
  },
  'factor-value': {
    title: 'Nestwerk waarde factor',
    description: 'Whether a factor is present, absent or not known.',
    concepts: () => [
      { code: 'present', label: { nl: 'Aanwezig', en: 'Present' } },
      { code: 'absent', label: { nl: 'Afwezig', en: 'Absent' } },
      { code: 'unknown', label: { nl: 'Onbekend', en: 'Unknown' } },
    ],
  },
  'report-source': {
    title: 'Nestwerk bron',
    description: 'Who reported a factor: the parent, or the professional from what they saw.',
    concepts: () => [
      { code: 'parent', label: { nl: 'Ouder', en: 'Parent' } },
      { code: 'professional', label: { nl: 'Professional', en: 'Professional' } },
    ],
  },
  'caregiver-role': {
    title: 'Nestwerk rol opvoeder',
    description: 'The role a caregiver has in the family.',
    concepts: () => CAREGIVER_ROLES.map((code) => ({ code, label: plain(code, code) })),
  },
  'contact-type': {
    title: 'Nestwerk soort contactmoment',
    description: 'Consult, home visit, phone call or prenatal visit.',
    concepts: () =>
      CONTACT_TYPES.map((code) => ({
        code,
        label: {
          consult: { nl: 'Consult', en: 'Consult', nlBE: 'Consultatie' },
          home_visit: { nl: 'Huisbezoek', en: 'Home visit' },
          phone: { nl: 'Telefonisch contact', en: 'Phone call' },
          prenatal_visit: { nl: 'Prenataal huisbezoek', en: 'Prenatal visit' },
        }[code],
      })),
  },
  'share-item': {
    title: 'Nestwerk te delen gegevens',
    description: 'What a referral may carry and so what a consent covers (data minimisation).',
    concepts: () => SHARE_ITEMS.map((code) => ({ code, label: plain(code, code) })),
  },
  'sharing-basis': {
    title: 'Nestwerk grondslag delen',
    description: 'Shared with consent, or without consent after the five questions.',
    concepts: () => SHARING_BASES.map((code) => ({ code, label: plain(code, code) })),
  },
  'referral-status': {
    title: 'Nestwerk status verwijzing',
    description: 'Where a referral is in its lifecycle (finer than ServiceRequest.status).',
    concepts: () => REFERRAL_STATUSES.map((code) => ({ code, label: plain(code, code) })),
  },
  'care-plan-activity': {
    title: 'Nestwerk afspraakactiviteit',
    description: 'What an agreement plans.',
    concepts: () => [
      { code: 'follow-up', label: { nl: 'Vervolgafspraak', en: 'Follow-up' } },
      { code: 'extra-contact', label: { nl: 'Extra contactmoment', en: 'Extra contact' } },
    ],
  },
};

export const CODE_SYSTEM_NAMES: readonly string[] = Object.keys(DEFINITIONS);

const cache = new Map<string, CodeSystem>();

/** The CodeSystem called `name`, or undefined for a name Nestwerk does not define. */
export function nestwerkCodeSystem(name: string): CodeSystem | undefined {
  if (!Object.hasOwn(DEFINITIONS, name)) return undefined;
  const hit = cache.get(name);
  if (hit) return hit;
  const d = DEFINITIONS[name] as Definition;
  const concepts = d.concepts();
  const system: CodeSystem = {
    resourceType: 'CodeSystem',
    id: `nestwerk-${name}`,
    url: codeSystemUrl(name),
    version: KNOWLEDGE_VERSION,
    name: `Nestwerk${name
      .split('-')
      .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
      .join('')}`,
    title: d.title,
    status: 'active',
    experimental: false,
    publisher: 'Nestwerk',
    description: d.description,
    caseSensitive: true,
    content: d.content ?? 'complete',
    count: concepts.length,
    ...(d.properties
      ? {
          property: d.properties.map((p) => ({
            code: p.code,
            description: p.description,
            type: 'code' as const,
          })),
        }
      : {}),
    ...(concepts.length > 0 ? { concept: concepts.map(concept) } : {}),
  };
  cache.set(name, system);
  return system;
}

/** The display of a code in one of Nestwerk's systems (Dutch), for the Codings of an export. */
export function nestwerkDisplay(name: string, code: string): string | undefined {
  return nestwerkCodeSystem(name)?.concept?.find((c) => c.code === code)?.display;
}
