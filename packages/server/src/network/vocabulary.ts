import type { Coded } from '@nestwerk/contract';
import {
  CUE_CODES,
  FACTOR_CODES,
  IMH_REFERRAL_REASON_CODES,
  INTERVENTION_CODES,
  interventionName,
  knowledge,
  type Lang,
  PARTNER_KIND_CODES,
  REFERRAL_CRITERION_CODES,
  type Region,
  type Text,
  text,
} from '@nestwerk/knowledge';

const INTERVENTION_SET: ReadonlySet<string> = new Set(INTERVENTION_CODES);
export const isInterventionCode = (s: string): boolean => INTERVENTION_SET.has(s);
const KIND_SET: ReadonlySet<string> = new Set(PARTNER_KIND_CODES);
export const isPartnerKind = (s: string): boolean => KIND_SET.has(s);

const labels = new Map<string, Text>([
  ...knowledge.cues.map((c) => [`cue:${c.code}`, c.label] as const),
  ...knowledge.factors.map((f) => [`factor:${f.code}`, f.label] as const),
  ...knowledge.referralCriteria.map((c) => [`criterion:${c.code}`, c.label] as const),
  ...knowledge.imhReferralReasons.map((r) => [`imh:${r.code}`, r.label] as const),
  ...knowledge.partnerKinds.map((k) => [`kind:${k.code}`, k.label] as const),
]);

export type Vocabulary = 'cue' | 'factor' | 'criterion' | 'imh' | 'intervention' | 'kind';

export function coded(vocabulary: Vocabulary, code: string, region: Region, lang: Lang = 'nl'): Coded {
  // An intervention is called by its one name everywhere, in every language: a programme's name.
  if (vocabulary === 'intervention') return { code, label: interventionName(code, region) };
  const label = labels.get(`${vocabulary}:${code}`);
  return { code, label: label ? text(label, lang, region) : code };
}

const factorKinds = new Map(knowledge.factors.map((f) => [f.code as string, f.kind]));
const cueLevels = new Map(knowledge.cues.map((c) => [c.code as string, c.level]));

export const factorKind = (code: string) => factorKinds.get(code) ?? 'hindering';
export const cueLevel = (code: string) => cueLevels.get(code) ?? 'insecure';

const ORDER: Record<Vocabulary, ReadonlyMap<string, number>> = {
  cue: new Map(CUE_CODES.map((c, i) => [c, i])),
  factor: new Map(FACTOR_CODES.map((c, i) => [c, i])),
  criterion: new Map(REFERRAL_CRITERION_CODES.map((c, i) => [c, i])),
  imh: new Map(IMH_REFERRAL_REASON_CODES.map((c, i) => [c, i])),
  intervention: new Map(INTERVENTION_CODES.map((c, i) => [c, i])),
  kind: new Map(PARTNER_KIND_CODES.map((c, i) => [c, i])),
};

/** Without duplicates and in the knowledge's order, so equal selections give identical snapshots. */
export function inCodeOrder(vocabulary: Vocabulary, codes: readonly string[]): string[] {
  const order = ORDER[vocabulary];
  return [...new Set(codes)].sort((a, b) => (order.get(a) ?? 1e9) - (order.get(b) ?? 1e9));
}

/** JSON text columns of code lists: unknown content reads as an empty list, never a crash. */
export function codesOf(json: string | null): string[] {
  if (json === null) return [];
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}
