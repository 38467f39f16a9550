import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { i18n, i18nLanguage, localeTag, switchLanguage } from './index.ts';
import { nl } from './nl.ts';
import { nlBE } from './nl-BE.ts';
import { portalNl } from './portal/nl.ts';
import { portalNlBE } from './portal/nl-BE.ts';

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of leaves(value, path)) out.set(k, v);
  }
  return out;
}

const vars = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('message catalogues', () => {
  const dutch = leaves(nl as unknown as Tree);
  const english = leaves(en as unknown as Tree);
  const flemish = leaves(nlBE as unknown as Tree);

  it('English has exactly the Dutch keys', () => {
    expect([...english.keys()].sort()).toEqual([...dutch.keys()].sort());
  });

  it('Flemish only overrides keys that exist in Dutch', () => {
    for (const key of flemish.keys()) expect(dutch.has(key), key).toBe(true);
  });

  it('every translation uses the same interpolation variables', () => {
    for (const [key, value] of dutch) {
      expect(vars(english.get(key) ?? ''), key).toEqual(vars(value));
      if (flemish.has(key)) expect(vars(flemish.get(key) ?? ''), key).toEqual(vars(value));
    }
  });

  it('has no empty strings', () => {
    for (const [key, value] of [...dutch, ...english, ...flemish]) expect(value.trim(), key).not.toBe('');
  });

  it('gives a Flemish user the Flemish term wherever the Dutch text uses the Dutch one (docs/glossary.md)', () => {
    // The Dutch route's own names (Veilig Thuis, the Meldcode) are shown only to a Dutch organisation, and a
    // source is cited by its title.
    const dutchOnly = (key: string) =>
      key.startsWith('sources.') ||
      /^network\.safety\.(introNl|consultedOptions\.veilig_thuis|answers\.reportToVeiligThuis)$/.test(key) ||
      key === 'dashboard.columns.meldcode_veilig_thuis';
    // The parents' portal has catalogues of its own, with the same rule.
    const portalDutch = leaves(portalNl as unknown as Tree, 'portal');
    const portalFlemish = leaves(portalNlBE as unknown as Tree, 'portal');
    const flemishOf = (key: string) =>
      flemish.get(key) ?? portalFlemish.get(key) ?? dutch.get(key) ?? portalDutch.get(key) ?? '';
    const seen = [...dutch.keys(), ...portalDutch.keys()]
      .filter((key) => !dutchOnly(key))
      // A soft hyphen only says where a long word may break.
      .map((key) => [key, flemishOf(key).replaceAll('\u00AD', '')] as const)
      .filter(([, text]) =>
        /(?<!door)\bverwijz(ing|ingen|er)\b|\bJGZ\b|consultatiebureau|Veilig Thuis/i.test(text),
      );
    expect(seen).toEqual([]);
  });

  it('never uses attachment jargon in words meant for parents (guideline Thema 2, aanbeveling 10)', () => {
    for (const [key, value] of [...dutch, ...flemish]) {
      if (key.startsWith('tips.')) expect(value.toLowerCase(), key).not.toMatch(/hechting|gehechtheid/);
    }
  });
});

describe('language and region', () => {
  it('uses Flemish wording for organisations in Flanders and falls back to Dutch', () => {
    expect(i18nLanguage('nl', 'be')).toBe('nl-BE');
    expect(i18nLanguage('nl', 'nl')).toBe('nl');
    expect(i18nLanguage('en', 'be')).toBe('en');
    expect(localeTag('en', 'nl')).toBe('en-GB');
    const be = i18n.getFixedT('nl-BE');
    expect(be('register.dueDate')).toBe('Vermoedelijke bevallingsdatum');
    expect(be('register.birthDate')).toBe('Geboortedatum');
    expect(i18n.getFixedT('nl')('register.dueDate')).toBe('Uitgerekende datum');
  });

  it('loads English when it is chosen, not before', async () => {
    expect(i18n.hasResourceBundle('en', 'translation')).toBe(false);
    await switchLanguage('en');
    expect(i18n.hasResourceBundle('en', 'translation')).toBe(true);
    expect(i18n.t('worklist.total', { count: 3 })).toBe('3 families');
    await switchLanguage('nl');
  });

  it('pluralises counts', async () => {
    await switchLanguage('en');
    await switchLanguage('nl');
    const t = i18n.getFixedT('nl');
    expect(t('worklist.total', { count: 1 })).toBe('1 gezin');
    expect(t('worklist.total', { count: 3 })).toBe('3 gezinnen');
    expect(i18n.getFixedT('en')('worklist.total', { count: 3 })).toBe('3 families');
    expect(t('common.ageMonths', { count: 1.5 })).toBe('1,5 maanden');
    expect(t('common.ageMonths', { count: 1 })).toBe('1 maand');
  });
});
