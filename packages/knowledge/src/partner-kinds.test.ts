import { describe, expect, it } from 'vitest';
import { knowledge } from './knowledge.ts';
import { PARTNER_KIND_CODES, type PartnerKindCode, partnerKinds } from './partner-kinds.ts';
import { text } from './text.ts';

const SEED_FILES = [
  '000_2afd5fe3e55409ce.txt',
  '001_23e4b783b1d7f17e.txt',
  '002_3a329fe0ecb56741.txt',
  '003_47e0953cc5abd28a.txt',
  '004_a575a0cd639937c5.txt',
];

/** The roles of guideline Thema 4 and the Flemish network of seed 004 that the social map must offer. */
const THEMA_4: PartnerKindCode[] = [
  'gp',
  'midwife',
  'gynaecologist',
  'maternity_care',
  'paediatrician',
  'youth_mental_health',
  'imh_specialist',
  'imh_consultant',
  'pop_poli',
  'youth_care',
  'lvb_care',
  'integrale_vroeghulp',
  'wijkteam',
  'veilig_thuis',
];
const FLEMISH: PartnerKindCode[] = [
  'kind_en_gezin',
  'cgg_baby_toddler_team',
  'huis_van_het_kind',
  'caw',
  'vertrouwenscentrum_kindermishandeling',
  'perinatal_network',
];

const byCode = new Map(partnerKinds.map((k) => [k.code, k]));

describe('partner kinds (social map)', () => {
  it('are part of the knowledge base, one entry per code, in code order', () => {
    expect(knowledge.partnerKinds).toBe(partnerKinds);
    expect(partnerKinds.map((k) => k.code)).toEqual([...PARTNER_KIND_CODES]);
    expect(new Set(PARTNER_KIND_CODES).size).toBe(PARTNER_KIND_CODES.length);
  });

  it('cover every role of Thema 4 and the Flemish network of seed 004', () => {
    for (const code of [...THEMA_4, ...FLEMISH]) expect(byCode.has(code), code).toBe(true);
  });

  it('the Flemish services exist in Flanders only; the Thema 4 help services of the Netherlands in the Netherlands', () => {
    for (const code of FLEMISH) expect(byCode.get(code)?.regions, code).toEqual(['be']);
    for (const code of ['veilig_thuis', 'wijkteam', 'integrale_vroeghulp', 'youth_mental_health'] as const)
      expect(byCode.get(code)?.regions, code).toEqual(['nl']);
    for (const code of ['gp', 'midwife', 'paediatrician'] as const)
      expect(byCode.get(code)?.regions, code).toEqual(['nl', 'be']);
  });

  it('every kind names at least one source in a seed document; the Thema 4 roles cite Thema 4', () => {
    for (const kind of partnerKinds) {
      expect(kind.sources.length, kind.code).toBeGreaterThan(0);
      for (const s of kind.sources) {
        expect(SEED_FILES, kind.code).toContain(s.document);
        expect(s.ref.trim(), kind.code).not.toBe('');
      }
    }
    for (const code of THEMA_4) {
      const sources = byCode.get(code)?.sources ?? [];
      expect(
        sources.some((s) => s.document === '003_47e0953cc5abd28a.txt' && s.ref.startsWith('Thema')),
        code,
      ).toBe(true);
    }
  });

  it('every label and description is given in Dutch and English, and English is not a copy of the Dutch', () => {
    for (const kind of partnerKinds) {
      for (const t of [kind.label, kind.description]) {
        expect(t.nl.trim(), kind.code).not.toBe('');
        expect(t.en.trim(), kind.code).not.toBe('');
        if (t.nlBE !== undefined) expect(t.nlBE.trim(), kind.code).not.toBe('');
      }
      expect(kind.label.en, kind.code).not.toBe(kind.label.nl);
    }
  });

  it('uses Flemish wording where it differs', () => {
    const midwife = byCode.get('midwife');
    expect(midwife && text(midwife.label, 'nl', 'nl')).toBe('Verloskundige');
    expect(midwife && text(midwife.label, 'nl', 'be')).toBe('Vroedvrouw');
    const paediatrician = byCode.get('paediatrician');
    expect(paediatrician && text(paediatrician.label, 'nl', 'be')).toBe('Pediater');
  });
});
