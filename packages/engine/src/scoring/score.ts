import type { Text } from '@nestwerk/knowledge';
import type { QuestionnaireDefinition } from './definition.ts';

/** Answers by item id; `null` or absent = not answered. */
export type Answers = Record<string, number | null | undefined>;

export interface ScaleScore {
  id: string;
  label: Text;
  /** Null when too many items are missing to score. */
  score: number | null;
  answered: number;
  missing: number;
  prorated: boolean;
  band: string | null;
  /** Worded as an indication, never as a diagnosis. */
  interpretation: Text | null;
}

export interface QuestionnaireScore {
  questionnaireId: string;
  version: string;
  scales: ScaleScore[];
  criticalItems: string[];
}

export type ScoreResult =
  | { ok: true; value: QuestionnaireScore }
  | { ok: false; field: string; message: string };

const round = (n: number): number => Math.round(n * 100) / 100;

/** Scores a filled-in questionnaire against its definition: sum or mean per scale, reverse items, prorating, cut-offs. */
export function scoreQuestionnaire(def: QuestionnaireDefinition, answers: Answers): ScoreResult {
  const allowed = new Set(def.answerOptions.map((o) => o.value));
  const items = new Map(def.items.map((it) => [it.id, it]));
  for (const [id, value] of Object.entries(answers)) {
    if (!items.has(id)) return { ok: false, field: `answers.${id}`, message: `Unknown item "${id}"` };
    if (value !== null && value !== undefined && !allowed.has(value)) {
      return { ok: false, field: `answers.${id}`, message: `Answer ${value} is not one of the options` };
    }
  }
  const values = [...allowed];
  const low = Math.min(...values);
  const high = Math.max(...values);
  const scored = (id: string): number | null => {
    const raw = answers[id];
    if (raw === null || raw === undefined) return null;
    return items.get(id)?.reverse ? low + high - raw : raw;
  };

  const scales = def.scales.map((scale): ScaleScore => {
    const got = scale.items.map(scored).filter((v): v is number => v !== null);
    const missing = scale.items.length - got.length;
    const base = { id: scale.id, label: scale.label, answered: got.length, missing };
    if (got.length === 0 || missing > scale.maxMissing) {
      return { ...base, score: null, prorated: false, band: null, interpretation: null };
    }
    const mean = got.reduce((a, b) => a + b, 0) / got.length;
    const score = round(scale.method === 'mean' ? mean : mean * scale.items.length);
    const cutoff = scale.cutoffs.filter((c) => score >= c.from).at(-1);
    return {
      ...base,
      score,
      prorated: missing > 0,
      band: cutoff?.band ?? null,
      interpretation: cutoff?.label ?? null,
    };
  });

  const criticalItems = def.items
    .filter((it) => it.criticalFrom !== undefined)
    .filter((it) => {
      const raw = answers[it.id];
      return raw !== null && raw !== undefined && raw >= (it.criticalFrom ?? Number.POSITIVE_INFINITY);
    })
    .map((it) => it.id);

  return { ok: true, value: { questionnaireId: def.id, version: def.version, scales, criticalItems } };
}
