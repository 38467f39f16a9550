import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type QuestionnaireDefinitionJson, questionnaireDefinitionSchema } from './definition.ts';
import { type Answers, scoreQuestionnaire } from './score.ts';

/**
 * An invented test questionnaire (no licensed content): eight items answered 0–3, two subscales of four
 * items, items q3 and q7 reverse-scored, q8 a critical item from answer 2, and cut-offs on each scale.
 */
const t = (s: string) => ({ nl: s, en: s });
const TEST_DEFINITION: QuestionnaireDefinitionJson = {
  id: 'test_relationship_8',
  name: 'Test questionnaire (8 items)',
  version: '1.0',
  ages: { minMonths: 12, belowMonths: 72 },
  licence: t('Invented for the test suite'),
  answerOptions: [
    { value: 0, label: t('never') },
    { value: 1, label: t('sometimes') },
    { value: 2, label: t('often') },
    { value: 3, label: t('always') },
  ],
  items: [
    { id: 'q1', text: t('item 1') },
    { id: 'q2', text: t('item 2') },
    { id: 'q3', text: t('item 3'), reverse: true },
    { id: 'q4', text: t('item 4') },
    { id: 'q5' },
    { id: 'q6' },
    { id: 'q7', reverse: true },
    { id: 'q8', criticalFrom: 2 },
  ],
  scales: [
    {
      id: 'total',
      label: t('Total'),
      items: ['q1', 'q2', 'q3', 'q4', 'q5', 'q6', 'q7', 'q8'],
      maxMissing: 2,
      cutoffs: [
        { from: 0, band: 'low', label: t('no indication') },
        { from: 10, band: 'raised', label: t('indication: discuss') },
        { from: 16, band: 'high', label: t('strong indication: discuss and consider referral') },
      ],
    },
    {
      id: 'closeness',
      label: t('Closeness'),
      items: ['q1', 'q2', 'q3', 'q4'],
      maxMissing: 1,
      cutoffs: [
        { from: 0, band: 'low', label: t('no indication') },
        { from: 6, band: 'raised', label: t('indication') },
      ],
    },
    {
      id: 'tension',
      label: t('Tension'),
      items: ['q5', 'q6', 'q7', 'q8'],
      method: 'mean',
    },
  ],
};

const def = questionnaireDefinitionSchema.parse(TEST_DEFINITION);

function score(answers: Answers) {
  const r = scoreQuestionnaire(def, answers);
  if (!r.ok) throw new Error(`${r.field}: ${r.message}`);
  return r.value;
}
const scale = (answers: Answers, id: string) => score(answers).scales.find((s) => s.id === id);

/** Raw answers that score `v` on every item after reversing (reverse items get 3 − v). */
function uniform(v: number): Answers {
  return { q1: v, q2: v, q3: 3 - v, q4: v, q5: v, q6: v, q7: 3 - v, q8: v };
}

describe('questionnaire definition schema', () => {
  it('accepts the test definition and fills defaults', () => {
    expect(def.items.find((i) => i.id === 'q1')?.reverse).toBe(false);
    expect(def.scales.find((s) => s.id === 'tension')?.maxMissing).toBe(0);
    expect(def.scales.find((s) => s.id === 'total')?.method).toBe('sum');
  });

  const pathOf = (d: unknown) => {
    const r = questionnaireDefinitionSchema.safeParse(d);
    expect(r.success).toBe(false);
    return r.error?.issues.map((i) => i.path.join('.')) ?? [];
  };

  it('rejects duplicate item ids, naming the item', () => {
    const d = { ...TEST_DEFINITION, items: [...TEST_DEFINITION.items, { id: 'q2' }] };
    expect(pathOf(d)).toContain('items.8.id');
  });

  it('rejects a scale that references an unknown item, naming the reference', () => {
    const d = {
      ...TEST_DEFINITION,
      scales: [{ id: 'x', label: t('x'), items: ['q1', 'q99'] }],
    };
    expect(pathOf(d)).toContain('scales.0.items.1');
  });

  it('rejects descending (or equal) cut-offs, naming the scale’s cut-offs', () => {
    const cutoffs = [
      { from: 10, band: 'raised', label: t('r') },
      { from: 5, band: 'low', label: t('l') },
    ];
    const d = { ...TEST_DEFINITION, scales: [{ id: 'x', label: t('x'), items: ['q1', 'q2'], cutoffs }] };
    expect(pathOf(d)).toContain('scales.0.cutoffs');
    const equal = [
      { from: 5, band: 'a', label: t('a') },
      { from: 5, band: 'b', label: t('b') },
    ];
    expect(pathOf({ ...d, scales: [{ ...d.scales[0], cutoffs: equal }] })).toContain('scales.0.cutoffs');
  });

  it('rejects maxMissing that would allow a scale with no answers', () => {
    const d = {
      ...TEST_DEFINITION,
      scales: [{ id: 'x', label: t('x'), items: ['q1', 'q2'], maxMissing: 2 }],
    };
    expect(pathOf(d)).toContain('scales.0.maxMissing');
  });

  it('rejects unknown fields and an id that is not a code', () => {
    expect(pathOf({ ...TEST_DEFINITION, extra: true })).toContain('');
    expect(pathOf({ ...TEST_DEFINITION, id: 'Has Spaces' })).toContain('id');
  });

  it('rejects a definition with fewer than two answer options or no items', () => {
    expect(pathOf({ ...TEST_DEFINITION, answerOptions: [{ value: 0, label: t('x') }] })).toContain(
      'answerOptions',
    );
    expect(pathOf({ ...TEST_DEFINITION, items: [] })).toContain('items');
  });
});

describe('scoring', () => {
  it('sums a complete answer set, total and subscales', () => {
    const s = score({ q1: 1, q2: 2, q3: 3, q4: 0, q5: 1, q6: 1, q7: 0, q8: 1 });
    // Reversed: q3 3 → 0, q7 0 → 3.
    expect(s.scales.find((x) => x.id === 'total')).toMatchObject({
      score: 9,
      answered: 8,
      missing: 0,
      prorated: false,
    });
    expect(s.scales.find((x) => x.id === 'closeness')?.score).toBe(3);
    expect(s.scales.find((x) => x.id === 'tension')?.score).toBe(1.5); // mean of 1, 1, 3, 1
    expect(s.questionnaireId).toBe('test_relationship_8');
    expect(s.version).toBe('1.0');
  });

  it('reverse-scores reverse items: raw 0 counts as 3 and raw 3 as 0', () => {
    const low = scale({ q1: 0, q2: 0, q3: 3, q4: 0 }, 'closeness');
    const high = scale({ q1: 0, q2: 0, q3: 0, q4: 0 }, 'closeness');
    expect(low?.score).toBe(0);
    expect(high?.score).toBe(3);
  });

  it('the minimum and maximum possible totals are 0 and 24', () => {
    expect(scale(uniform(0), 'total')?.score).toBe(0);
    expect(scale(uniform(3), 'total')?.score).toBe(24);
  });

  it('prorates when no more than maxMissing answers are missing', () => {
    // Six answered items scoring 2 each, two missing → 2 × 8 = 16.
    const answers = { ...uniform(2), q5: null, q6: undefined };
    const total = scale(answers, 'total');
    expect(total).toMatchObject({ score: 16, answered: 6, missing: 2, prorated: true, band: 'high' });
  });

  it('prorates a subscale from its answered items (one missing of four allowed)', () => {
    const s = scale({ q1: 3, q2: 3, q3: 0 }, 'closeness');
    expect(s).toMatchObject({ score: 12, missing: 1, prorated: true, band: 'raised' });
  });

  it('gives no score beyond maxMissing', () => {
    const answers: Answers = { q1: 3, q2: 3, q3: 0, q4: 3, q5: 3 };
    const total = scale(answers, 'total');
    expect(total).toMatchObject({
      score: null,
      band: null,
      interpretation: null,
      missing: 3,
      prorated: false,
    });
    expect(scale({ q1: 3, q2: 3 }, 'closeness')?.score).toBeNull();
    // A mean scale with maxMissing 0 needs every item.
    expect(scale({ q5: 1, q6: 1, q7: 1 }, 'tension')?.score).toBeNull();
  });

  it('no answers at all → no score on any scale', () => {
    expect(score({}).scales.map((s) => s.score)).toEqual([null, null, null]);
  });

  it.each([
    [9, 'low'],
    [10, 'raised'],
    [15, 'raised'],
    [16, 'high'],
    [24, 'high'],
  ])('cut-off bands are inclusive from their lower bound: total %i → %s', (total, band) => {
    // Build a raw answer set with the wanted total (after reversing).
    const values = Array.from({ length: 8 }, (_, i) => Math.max(0, Math.min(3, total - 3 * i)));
    const answers: Answers = {};
    ['q1', 'q2', 'q3', 'q4', 'q5', 'q6', 'q7', 'q8'].forEach((id, i) => {
      const v = values[i] ?? 0;
      answers[id] = id === 'q3' || id === 'q7' ? 3 - v : v;
    });
    const s = scale(answers, 'total');
    expect(s?.score).toBe(total);
    expect(s?.band).toBe(band);
    expect(s?.interpretation?.en).toMatch(/indication/);
  });

  it('a scale without cut-offs has a score but no band', () => {
    expect(scale(uniform(1), 'tension')).toMatchObject({ score: 1, band: null, interpretation: null });
  });

  it('flags critical items from their threshold, whatever the total', () => {
    expect(score({ ...uniform(0), q8: 2 }).criticalItems).toEqual(['q8']);
    expect(score({ ...uniform(0), q8: 3 }).criticalItems).toEqual(['q8']);
    expect(score({ ...uniform(3), q8: 1 }).criticalItems).toEqual([]);
    expect(score({ q1: 0 }).criticalItems).toEqual([]);
  });

  it('rejects an unknown item, naming it', () => {
    expect(scoreQuestionnaire(def, { q1: 1, q9: 2 })).toMatchObject({ ok: false, field: 'answers.q9' });
  });

  it.each([4, -1, 1.5])('rejects an answer outside the options (%s), naming the item', (value) => {
    const r = scoreQuestionnaire(def, { q1: 1, q4: value });
    expect(r).toMatchObject({ ok: false, field: 'answers.q4' });
    if (!r.ok) expect(r.message).toContain(String(value));
  });

  it('property: a complete answer set scores between min·n and max·n on each sum scale', () => {
    const answer = fc.constantFrom(0, 1, 2, 3);
    fc.assert(
      fc.property(fc.array(answer, { minLength: 8, maxLength: 8 }), (vals) => {
        const answers = Object.fromEntries(vals.map((v, i) => [`q${i + 1}`, v]));
        const s = score(answers);
        for (const sc of def.scales) {
          const got = s.scales.find((x) => x.id === sc.id)?.score;
          expect(got).not.toBeNull();
          const n = sc.method === 'mean' ? 1 : sc.items.length;
          expect(got).toBeGreaterThanOrEqual(0 * n);
          expect(got).toBeLessThanOrEqual(3 * n);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('property: raising one answer on a normal item never lowers a scale score; on a reverse item never raises it', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(0, 1, 2), { minLength: 8, maxLength: 8 }),
        fc.integer({ min: 0, max: 7 }),
        (vals, k) => {
          const answers = Object.fromEntries(vals.map((v, i) => [`q${i + 1}`, v]));
          const id = `q${k + 1}`;
          const before = scale(answers, 'total')?.score ?? Number.NaN;
          const after = scale({ ...answers, [id]: (answers[id] ?? 0) + 1 }, 'total')?.score ?? Number.NaN;
          if (id === 'q3' || id === 'q7') expect(after).toBeLessThan(before);
          else expect(after).toBeGreaterThan(before);
        },
      ),
      { numRuns: 300 },
    );
  });
});
