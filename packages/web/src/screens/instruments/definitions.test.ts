// @vitest-environment happy-dom
import { scoreQuestionnaire } from '@nestwerk/engine';
import { beforeEach, describe, expect, it } from 'vitest';
import { loadedDefinitions, PRACTICE_DEFINITION, parseDefinition, storeDefinition } from './definitions.ts';

describe('questionnaire definitions', () => {
  beforeEach(() => localStorage.clear());

  it('offers the practice list, which scores as an indication', () => {
    const [practice] = loadedDefinitions('org-1');
    expect(practice?.id).toBe('oefenlijst');
    if (!practice) return;
    const result = scoreQuestionnaire(practice, { p1: 0, p2: 3, p3: 1, p4: 3 });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const total = result.value.scales[0];
    // p1 and p3 are reversed (0→3, 1→2): 3 + 3 + 2 + 3 = 11, above the cut-off of 6.
    expect(total?.score).toBe(11);
    expect(total?.band).toBe('talk');
    expect(total?.interpretation?.nl).toMatch(/indicatie/);
    expect(result.value.criticalItems).toEqual(['p4']);
  });

  it('loads a valid definition per organisation and refuses an invalid one with the field named', () => {
    const licensed = { ...PRACTICE_DEFINITION, id: 'lsvg', name: 'LSVG (licensed)' };
    expect(storeDefinition('org-1', licensed).ok).toBe(true);
    expect(loadedDefinitions('org-1').map((d) => d.id)).toEqual(['oefenlijst', 'lsvg']);
    expect(loadedDefinitions('org-2').map((d) => d.id)).toEqual(['oefenlijst']);
    const bad = parseDefinition({
      ...PRACTICE_DEFINITION,
      scales: [{ id: 's', label: { nl: 'x', en: 'x' }, items: ['nope'] }],
    });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.message).toMatch(/scales\.0\.items\.0/);
  });
});
