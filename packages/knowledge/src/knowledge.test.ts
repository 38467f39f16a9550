import { describe, expect, it } from 'vitest';
import {
  CUE_CODES,
  FACTOR_CODES,
  HINDERING_CHILD_CODES,
  HINDERING_FACTOR_CODES,
  HINDERING_FAMILY_CODES,
  HINDERING_PARENT_CODES,
  IMH_REFERRAL_REASON_CODES,
  INSECURE_CUE_CODES,
  INSTRUMENT_IDS,
  INTERVENTION_CODES,
  PROBLEMATIC_CUE_CODES,
  PROTECTIVE_CHILD_CODES,
  PROTECTIVE_FACTOR_CODES,
  PROTECTIVE_FAMILY_CODES,
  PROTECTIVE_PARENT_CODES,
  REFERRAL_CRITERION_CODES,
  SAFE_CUE_CODES,
} from './codes.ts';
import { KNOWLEDGE_VERSION, knowledge } from './knowledge.ts';
import { DESIGN_VOCABULARY } from './testing/design-vocabulary.ts';
import { text } from './text.ts';
import type { AgeRange, SourceRef, Text } from './types.ts';

const DESIGN = DESIGN_VOCABULARY;

/** The five source documents in shared/seeds. */
const SEED_FILES = [
  '000_2afd5fe3e55409ce.txt',
  '001_23e4b783b1d7f17e.txt',
  '002_3a329fe0ecb56741.txt',
  '003_47e0953cc5abd28a.txt',
  '004_a575a0cd639937c5.txt',
  // Outside the seeds, only the published works DESIGN names for perinatal screening and the Flemish safety route.
  'leidraad-screening-detectie-vlaanderen',
  'edmondson-2010-epds-fathers',
  'whooley-1997',
  'spitzer-2006-gad-7',
  'kroenke-2001-phq-9',
  'cox-1987-epds',
  'vertrouwenscentra-kindermishandeling-vlaanderen',
  'voorzorg-inclusiecriteria',
];

/** Every collection of the package, with the key that identifies an item in it. */
const collections: Array<{ name: string; items: ReadonlyArray<object>; key: string }> = [
  { name: 'cues', items: knowledge.cues, key: 'code' },
  { name: 'factors', items: knowledge.factors, key: 'code' },
  { name: 'referralCriteria', items: knowledge.referralCriteria, key: 'code' },
  { name: 'interventions', items: knowledge.interventions, key: 'code' },
  { name: 'instruments', items: knowledge.instruments, key: 'id' },
  { name: 'vanWiechenItems', items: knowledge.vanWiechenItems, key: 'code' },
  { name: 'conversationGuide', items: knowledge.conversationGuide, key: 'code' },
  { name: 'parentTips', items: knowledge.parentTips, key: 'band' },
  { name: 'pyramid', items: knowledge.pyramid, key: 'code' },
  { name: 'imhReferralReasons', items: knowledge.imhReferralReasons, key: 'code' },
  { name: 'sharingQuestions', items: knowledge.sharingQuestions, key: 'code' },
  { name: 'safetyRoutes', items: knowledge.safetyRoutes, key: 'region' },
  { name: 'parentScreeningInstruments', items: knowledge.parentScreeningInstruments, key: 'id' },
  { name: 'screeningSchedule', items: knowledge.screeningSchedule, key: 'id' },
  { name: 'conversationAids', items: knowledge.conversationAids, key: 'id' },
];

function keyOf(item: object, key: string): string {
  return String((item as Record<string, unknown>)[key]);
}

function codesOf(items: ReadonlyArray<{ code: string }>): string[] {
  return items.map((i) => i.code);
}

/** Walks any value and collects every object that looks like a Text (has an `nl` or `en` key). */
function collectTexts(
  value: unknown,
  path: string,
  out: Array<{ path: string; value: Record<string, unknown> }>,
) {
  if (Array.isArray(value)) {
    value.forEach((v, i) => {
      collectTexts(v, `${path}[${i}]`, out);
    });
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const record = value as Record<string, unknown>;
  if ('nl' in record || 'en' in record) out.push({ path, value: record });
  for (const [k, v] of Object.entries(record)) collectTexts(v, `${path}.${k}`, out);
}

const allTexts: Array<{ path: string; value: Record<string, unknown> }> = [];
collectTexts(knowledge, 'knowledge', allTexts);

describe('knowledge version', () => {
  it('has a non-empty version string that the package exports', () => {
    expect(typeof knowledge.version).toBe('string');
    expect(knowledge.version.trim()).not.toBe('');
    expect(knowledge.version).toBe(KNOWLEDGE_VERSION);
  });
});

describe('codes are unique', () => {
  it.each(collections)('no duplicate key within $name', ({ items, key }) => {
    const keys = items.map((i) => keyOf(i, key));
    expect(keys.length).toBeGreaterThan(0);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('no code appears in two code arrays (a cue is one level, a factor one kind and level)', () => {
    const arrays = [
      SAFE_CUE_CODES,
      INSECURE_CUE_CODES,
      PROBLEMATIC_CUE_CODES,
      HINDERING_PARENT_CODES,
      HINDERING_FAMILY_CODES,
      HINDERING_CHILD_CODES,
      PROTECTIVE_PARENT_CODES,
      PROTECTIVE_FAMILY_CODES,
      PROTECTIVE_CHILD_CODES,
      REFERRAL_CRITERION_CODES,
      INTERVENTION_CODES,
      INSTRUMENT_IDS,
      IMH_REFERRAL_REASON_CODES,
    ];
    const all = arrays.flatMap((a) => [...a]);
    const dupes = all.filter((c, i) => all.indexOf(c) !== i);
    expect(dupes).toEqual([]);
  });
});

describe('DESIGN.md §4.2 vocabulary is complete and unrenamed', () => {
  const cases: Array<[string, readonly string[], readonly string[], () => string[]]> = [
    [
      'referral criteria',
      DESIGN.referralCriteria,
      REFERRAL_CRITERION_CODES,
      () => codesOf(knowledge.referralCriteria),
    ],
    [
      'safe cues',
      DESIGN.safeCues,
      SAFE_CUE_CODES,
      () => codesOf(knowledge.cues.filter((c) => c.level === 'safe')),
    ],
    [
      'insecure cues',
      DESIGN.insecureCues,
      INSECURE_CUE_CODES,
      () => codesOf(knowledge.cues.filter((c) => c.level === 'insecure')),
    ],
    [
      'problematic cues',
      DESIGN.problematicCues,
      PROBLEMATIC_CUE_CODES,
      () => codesOf(knowledge.cues.filter((c) => c.level === 'problematic')),
    ],
    [
      'hindering parent factors',
      DESIGN.hinderingParent,
      HINDERING_PARENT_CODES,
      () => codesOf(knowledge.factors.filter((f) => f.kind === 'hindering' && f.level === 'parent')),
    ],
    [
      'hindering family factors',
      DESIGN.hinderingFamily,
      HINDERING_FAMILY_CODES,
      () => codesOf(knowledge.factors.filter((f) => f.kind === 'hindering' && f.level === 'family')),
    ],
    [
      'hindering child factors',
      DESIGN.hinderingChild,
      HINDERING_CHILD_CODES,
      () => codesOf(knowledge.factors.filter((f) => f.kind === 'hindering' && f.level === 'child')),
    ],
    [
      'protective parent factors',
      DESIGN.protectiveParent,
      PROTECTIVE_PARENT_CODES,
      () => codesOf(knowledge.factors.filter((f) => f.kind === 'protective' && f.level === 'parent')),
    ],
    [
      'protective family factors',
      DESIGN.protectiveFamily,
      PROTECTIVE_FAMILY_CODES,
      () => codesOf(knowledge.factors.filter((f) => f.kind === 'protective' && f.level === 'family')),
    ],
    [
      'protective child factors',
      DESIGN.protectiveChild,
      PROTECTIVE_CHILD_CODES,
      () => codesOf(knowledge.factors.filter((f) => f.kind === 'protective' && f.level === 'child')),
    ],
    ['interventions', DESIGN.interventions, INTERVENTION_CODES, () => codesOf(knowledge.interventions)],
    ['instruments', DESIGN.instruments, INSTRUMENT_IDS, () => knowledge.instruments.map((i) => i.id)],
  ];

  it.each(cases)(
    '%s: every DESIGN code is in codes.ts and in the data, at the right place',
    (_, design, array, data) => {
      const inData = data();
      for (const code of design) {
        expect(array, `codes.ts lacks ${code}`).toContain(code);
        expect(inData, `knowledge data lacks ${code} (or has it at the wrong level/kind)`).toContain(code);
      }
    },
  );

  it.each(cases)('%s: every code in codes.ts has an entry in the data', (_, _design, array, data) => {
    expect([...data()].sort()).toEqual([...array].sort());
  });

  it('the aggregate arrays are the unions of their parts', () => {
    expect([...CUE_CODES].sort()).toEqual(
      [...SAFE_CUE_CODES, ...INSECURE_CUE_CODES, ...PROBLEMATIC_CUE_CODES].sort(),
    );
    expect([...HINDERING_FACTOR_CODES].sort()).toEqual(
      [...HINDERING_PARENT_CODES, ...HINDERING_FAMILY_CODES, ...HINDERING_CHILD_CODES].sort(),
    );
    expect([...PROTECTIVE_FACTOR_CODES].sort()).toEqual(
      [...PROTECTIVE_PARENT_CODES, ...PROTECTIVE_FAMILY_CODES, ...PROTECTIVE_CHILD_CODES].sort(),
    );
    expect([...FACTOR_CODES].sort()).toEqual([...HINDERING_FACTOR_CODES, ...PROTECTIVE_FACTOR_CODES].sort());
    expect(knowledge.cues).toHaveLength(CUE_CODES.length);
    expect(knowledge.factors).toHaveLength(FACTOR_CODES.length);
  });

  it('every IMH referral reason code has an entry', () => {
    expect(codesOf(knowledge.imhReferralReasons).sort()).toEqual([...IMH_REFERRAL_REASON_CODES].sort());
  });
});

describe('factor level and kind match the code arrays', () => {
  const expected: Array<[readonly string[], 'hindering' | 'protective', 'parent' | 'family' | 'child']> = [
    [HINDERING_PARENT_CODES, 'hindering', 'parent'],
    [HINDERING_FAMILY_CODES, 'hindering', 'family'],
    [HINDERING_CHILD_CODES, 'hindering', 'child'],
    [PROTECTIVE_PARENT_CODES, 'protective', 'parent'],
    [PROTECTIVE_FAMILY_CODES, 'protective', 'family'],
    [PROTECTIVE_CHILD_CODES, 'protective', 'child'],
  ];
  it.each(expected)('codes of %#: kind %s, level %s', (codes, kind, level) => {
    for (const code of codes) {
      const factor = knowledge.factors.find((f) => f.code === code);
      expect(factor, code).toBeDefined();
      expect({ code, kind: factor?.kind, level: factor?.level }).toEqual({ code, kind, level });
    }
  });

  it('cue levels match the cue arrays', () => {
    for (const [codes, level] of [
      [SAFE_CUE_CODES, 'safe'],
      [INSECURE_CUE_CODES, 'insecure'],
      [PROBLEMATIC_CUE_CODES, 'problematic'],
    ] as const) {
      for (const code of codes) {
        expect({ code, level: knowledge.cues.find((c) => c.code === code)?.level }).toEqual({ code, level });
      }
    }
  });
});

describe('every item is sourced', () => {
  it.each(collections)(
    '$name: each item has ≥ 1 source from a seed document with a non-empty ref',
    ({ items, key }) => {
      for (const item of items) {
        const sources = (item as { sources?: SourceRef[] }).sources;
        const id = keyOf(item, key);
        expect(Array.isArray(sources) && sources.length > 0, `${id} has no sources`).toBe(true);
        for (const s of sources ?? []) {
          expect(SEED_FILES, `${id}: unknown document ${s.document}`).toContain(s.document);
          expect(typeof s.ref === 'string' && s.ref.trim().length > 0, `${id}: empty ref`).toBe(true);
        }
      }
    },
  );

  it('the Tabel 2.1 cues cite Tabel 2.1 of the guideline', () => {
    for (const cue of knowledge.cues) {
      expect(
        cue.sources.some((s) => s.document === '003_47e0953cc5abd28a.txt' && s.ref.includes('Tabel 2.1')),
        cue.code,
      ).toBe(true);
    }
  });

  it('the referral criteria cite Thema 3 of the guideline', () => {
    for (const c of knowledge.referralCriteria) {
      expect(
        c.sources.some((s) => s.document === '003_47e0953cc5abd28a.txt' && s.ref.includes('Thema 3')),
        c.code,
      ).toBe(true);
    }
  });
});

describe('every text is given in Dutch and English', () => {
  it('finds the texts of every collection', () => {
    // Sanity check of the walker itself: without it the next test could pass vacuously.
    // Every item of every collection carries at least one Text (its label, title or question).
    for (const { name, items } of collections) {
      items.forEach((_, i) => {
        expect(
          allTexts.some((t) => t.path.startsWith(`knowledge.${name}[${i}].`)),
          `${name}[${i}]`,
        ).toBe(true);
      });
    }
    // Interventions: label, description, target group and format each.
    expect(allTexts.filter((t) => t.path.startsWith('knowledge.interventions[')).length).toBe(
      knowledge.interventions.length * 4,
    );
  });

  it('every Text has non-empty nl and en (and a non-empty nlBE when given)', () => {
    const bad = allTexts.filter(({ value }) => {
      const ok = (v: unknown) => typeof v === 'string' && v.trim().length > 0;
      return !ok(value.nl) || !ok(value.en) || ('nlBE' in value && !ok(value.nlBE));
    });
    expect(bad.map((b) => b.path)).toEqual([]);
  });

  it('labels are not an untranslated copy of the Dutch', () => {
    const labelled = [
      ...knowledge.cues,
      ...knowledge.factors,
      ...knowledge.referralCriteria,
      ...knowledge.interventions,
      ...knowledge.instruments,
      ...knowledge.imhReferralReasons,
      ...knowledge.pyramid,
    ] as Array<{ label: Text }>;
    const same = labelled.filter((i) => i.label.nl.trim() === i.label.en.trim());
    expect(same.map((i) => i.label.nl)).toEqual([]);
  });

  it('text() picks English, Dutch, and Flemish wording where it differs', () => {
    const t: Text = {
      nl: 'consultatiebureau',
      en: 'well-baby clinic',
      nlBE: 'consultatiebureau van Kind & Gezin',
    };
    expect(text(t, 'en', 'be')).toBe('well-baby clinic');
    expect(text(t, 'nl', 'nl')).toBe('consultatiebureau');
    expect(text(t, 'nl', 'be')).toBe('consultatiebureau van Kind & Gezin');
    expect(text({ nl: 'a', en: 'b' }, 'nl', 'be')).toBe('a');
  });
});

describe('age ranges are sane', () => {
  const ranged: Array<{ id: string; ages: AgeRange }> = [
    ...knowledge.interventions.map((i) => ({ id: `intervention ${i.code}`, ages: i.ages })),
    ...knowledge.instruments.map((i) => ({ id: `instrument ${i.id}`, ages: i.ages })),
    ...knowledge.parentTips.map((t) => ({ id: `tips ${t.band}`, ages: t.ages })),
  ];

  it.each(ranged)('$id: min ≤ max, within −9…216 months, gestation 0–42 weeks', ({ ages }) => {
    expect(Number.isFinite(ages.minMonths) && Number.isFinite(ages.belowMonths)).toBe(true);
    // Pregnancy-only items end at birth (belowMonths 0); every other range holds at least one age.
    if (ages.belowMonths === 0) expect(ages.minGestationWeeks).toBeDefined();
    else expect(ages.minMonths).toBeLessThan(ages.belowMonths);
    expect(ages.minMonths).toBeGreaterThanOrEqual(-9);
    expect(ages.belowMonths).toBeLessThanOrEqual(217);
    expect(ages.belowMonths).toBeGreaterThanOrEqual(0);
    if (ages.minGestationWeeks !== undefined) {
      expect(ages.minGestationWeeks).toBeGreaterThanOrEqual(0);
      expect(ages.minGestationWeeks).toBeLessThanOrEqual(42);
    }
  });

  it('Van Wiechen items sit at the contact moments of Thema 2 (4 and 8 weeks, 3, 15 and 18 months)', () => {
    expect(knowledge.vanWiechenItems.length).toBeGreaterThan(0);
    for (const item of knowledge.vanWiechenItems) {
      expect(item.ageMonths).toBeGreaterThanOrEqual(0);
      expect(item.ageMonths).toBeLessThanOrEqual(216);
    }
    const ages = new Set(knowledge.vanWiechenItems.map((i) => i.ageMonths));
    expect(ages.has(3)).toBe(true);
    expect(ages.has(15)).toBe(true);
    expect(ages.has(18)).toBe(true);
  });

  it('the instruments have the half-open age ranges of Thema 2 aanbeveling 8c: LSVG and ARI-CP below 72, AISI 6-12 from 72 to below 156', () => {
    const ages = Object.fromEntries(
      knowledge.instruments.map((i) => [
        i.id,
        [i.ages.minMonths, i.ages.belowMonths, i.ages.minGestationWeeks],
      ]),
    );
    expect(ages).toEqual({
      lsvg: [12, 72, undefined],
      ari_cp_2_5: [24, 72, undefined],
      aisi_2_5: [24, 72, undefined],
      aisi_6_12: [72, 156, undefined],
    });
  });

  it('the video-feedback programmes carry the ages of Thema 3: VIPP-SD 1–6 y, K-VHT 0–4 y', () => {
    const byCode = (c: string) => knowledge.interventions.find((i) => i.code === c)?.ages;
    expect(byCode('vipp_sd')).toMatchObject({ minMonths: 12, belowMonths: 73 });
    expect(byCode('k_vht')).toMatchObject({ minMonths: 0, belowMonths: 49 });
    expect(byCode('triple_p_4_5')).toMatchObject({ minMonths: 24, belowMonths: 193 });
    expect(byCode('stevig_ouderschap')).toMatchObject({ minMonths: 0, belowMonths: 25 });
    expect(byCode('stevig_ouderschap_prenataal')?.minGestationWeeks).toBe(16);
    expect(byCode('voorzorg')?.minGestationWeeks).toBeDefined();
    expect(byCode('voorzorg')?.belowMonths).toBe(25);
  });

  it('interventions are offered in at least one region and name a setting', () => {
    for (const i of knowledge.interventions) {
      expect(i.regions.length, i.code).toBeGreaterThan(0);
      expect(['within_jgz', 'outside_jgz']).toContain(i.setting);
      expect(i.name.trim(), i.code).not.toBe('');
    }
  });

  it('the routes outside JGZ of Thema 3 are set outside JGZ', () => {
    for (const code of [
      'pipa',
      'ouder_baby_interventie',
      'specialised_youth_care',
      'intensive_family_support',
    ]) {
      expect(knowledge.interventions.find((i) => i.code === code)?.setting, code).toBe('outside_jgz');
    }
  });
});

describe('structured guidance', () => {
  it('the conversation guide has four steps in order 1–4, starting with naming the positive (Tabel 2.3)', () => {
    expect(knowledge.conversationGuide.map((s) => s.order)).toEqual([1, 2, 3, 4]);
    expect(knowledge.conversationGuide[0]?.code).toBe('name_the_positive');
    expect(knowledge.conversationGuide[3]?.code).toBe('inform_and_advise');
  });

  it('parent tips come in the four bands of Box 2.1, contiguous from 0 to 216 months', () => {
    expect(knowledge.parentTips.map((t) => t.band)).toEqual(['0_2', '2_4', '4_12', '12_plus']);
    expect(knowledge.parentTips.map((t) => [t.ages.minMonths, t.ages.belowMonths])).toEqual([
      [0, 24],
      [24, 48],
      [48, 144],
      [144, 217],
    ]);
    for (const band of knowledge.parentTips) expect(band.tips.length, band.band).toBeGreaterThanOrEqual(3);
  });

  it('the development-intervention pyramid has five levels, 1 to 5', () => {
    expect(knowledge.pyramid.map((l) => l.level)).toEqual([1, 2, 3, 4, 5]);
    expect(knowledge.pyramid[0]?.code).toBe('basic_physical_needs');
  });

  it('there are five questions for sharing without consent (Thema 4)', () => {
    expect(knowledge.sharingQuestions.map((q) => q.order)).toEqual([1, 2, 3, 4, 5]);
    expect(knowledge.sharingQuestions.map((q) => q.code).sort()).toEqual(
      ['alternativeWithoutSharing', 'consentSought', 'proportionality', 'purpose', 'whatToWhom'].sort(),
    );
  });

  it('there are exactly the four referral criteria of Thema 3 aanbeveling 3', () => {
    expect(knowledge.referralCriteria).toHaveLength(4);
  });

  it('a safety route exists per region: nl → meldcode_veilig_thuis, be → vertrouwenscentrum_kindermishandeling', () => {
    const routes = Object.fromEntries(knowledge.safetyRoutes.map((r) => [r.region, r.intervention]));
    expect(routes).toEqual({ nl: 'meldcode_veilig_thuis', be: 'vertrouwenscentrum_kindermishandeling' });
    for (const route of knowledge.safetyRoutes) {
      expect(route.steps.length, route.region).toBeGreaterThan(0);
      const item = knowledge.interventions.find((i) => i.code === route.intervention);
      expect(item?.category).toBe('safety');
      expect(item?.regions).toContain(route.region);
    }
  });
});

describe('parent-facing language (Thema 2, aanbeveling 10)', () => {
  const FORBIDDEN_NL = ['hechting', 'gehecht', 'hechtingsrelatie', 'gehechtheidsrelatie'];
  const FORBIDDEN_EN = ['attachment'];

  const parentTexts = knowledge.parentTips.flatMap((band) => [
    { where: `${band.band} title`, t: band.title },
    ...band.tips.map((t, i) => ({ where: `${band.band} tip ${i + 1}`, t })),
  ]);

  it('the check would catch a forbidden word (guards against a vacuous test)', () => {
    const contains = (s: string) => FORBIDDEN_NL.some((w) => s.toLowerCase().includes(w));
    expect(contains('Een veilige Hechting is belangrijk')).toBe(true);
    expect(contains('Je kind is aan je gehecht')).toBe(true);
    expect(contains('Een goede band met je kind')).toBe(false);
  });

  it.each(parentTexts)('$where says "band" or "contact", never "hechting" or "attachment"', ({ t }) => {
    for (const dutch of [t.nl, t.nlBE ?? '']) {
      for (const w of FORBIDDEN_NL) expect(dutch.toLowerCase()).not.toContain(w);
    }
    for (const w of FORBIDDEN_EN) expect(t.en.toLowerCase()).not.toContain(w);
  });
});
