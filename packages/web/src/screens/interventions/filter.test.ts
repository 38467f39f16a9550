import { knowledge } from '@nestwerk/knowledge';
import { describe, expect, it } from 'vitest';
import { type CatalogueFilter, filterInterventions, fitsFamily, fold } from './filter.ts';

const all: CatalogueFilter = {
  ageMonths: null,
  pregnancy: false,
  setting: 'all',
  target: '',
  effectiveness: 'all',
  region: 'all',
};
const codes = (f: Partial<CatalogueFilter>) =>
  filterInterventions(knowledge.interventions, { ...all, ...f }, 'nl').map((i) => i.code);

describe('intervention catalogue filters', () => {
  it('shows everything without filters, strongest evidence first', () => {
    const list = filterInterventions(knowledge.interventions, all, 'nl');
    expect(list).toHaveLength(knowledge.interventions.length);
    expect(list[0]?.effectiveness).toBe('strong_indications');
  });

  it('filters by age: VIPP-SD is for 1 to 6 years', () => {
    expect(codes({ ageMonths: 24 })).toContain('vipp_sd');
    expect(codes({ ageMonths: 6 })).not.toContain('vipp_sd');
  });

  it('filters by pregnancy, setting, effectiveness and region', () => {
    expect(codes({ pregnancy: true })).toContain('stevig_ouderschap_prenataal');
    expect(codes({ pregnancy: true })).not.toContain('vipp_sd');
    for (const item of filterInterventions(
      knowledge.interventions,
      { ...all, setting: 'outside_jgz' },
      'nl',
    )) {
      expect(item.setting).toBe('outside_jgz');
    }
    expect(codes({ effectiveness: 'strong_indications' })).toContain('vipp_sd');
    expect(codes({ region: 'be' })).toContain('vertrouwenscentrum_kindermishandeling');
    expect(codes({ region: 'be' })).not.toContain('meldcode_veilig_thuis');
  });

  it('searches the target group text without minding accents or case', () => {
    expect(fold('Geïndiceerd')).toBe('geindiceerd');
    expect(codes({ target: 'SENSITIEF' })).toContain('vipp_sd');
    expect(codes({ target: 'zzzz-nothing' })).toEqual([]);
  });
});

describe('fits this family', () => {
  const item = (code: string) => {
    const found = knowledge.interventions.find((i) => i.code === code);
    if (!found) throw new Error(code);
    return found;
  };
  const fourMonths = { born: true, months: 4 } as const;

  it('is what the engine recommended, not every programme for the child’s age', () => {
    const family = { recommended: ['imh_team'], age: fourMonths, region: 'nl' as const };
    expect(fitsFamily(item('imh_team'), family)).toBe(true);
    // Age alone would let these through for a 4-month-old.
    for (const code of ['voorzorg', 'pipa', 'meldcode_veilig_thuis'])
      expect(fitsFamily(item(code), family)).toBe(false);
  });

  it('nothing fits without advice, and a recommendation outside the region or age does not either', () => {
    expect(fitsFamily(item('imh_team'), { recommended: [], age: fourMonths, region: 'nl' })).toBe(false);
    expect(
      fitsFamily(item('meldcode_veilig_thuis'), {
        recommended: ['meldcode_veilig_thuis'],
        age: fourMonths,
        region: 'be',
      }),
    ).toBe(false);
    expect(fitsFamily(item('vipp_sd'), { recommended: ['vipp_sd'], age: fourMonths, region: 'nl' })).toBe(
      false,
    );
  });
});
