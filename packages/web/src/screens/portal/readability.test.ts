import { describe, expect, it } from 'vitest';
import { portalEn, portalEnBE } from '../../i18n/portal/en.ts';
import { portalNl } from '../../i18n/portal/nl.ts';
import { portalNlBE } from '../../i18n/portal/nl-BE.ts';
import { fleschDouma, sentences, syllables, words } from './readability.ts';

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

// Placeholders are read as the short names and dates a parent will see in their place.
const filled = (text: string) =>
  text
    .replace(/\{\{(name|recipient|organisation)\}\}/g, 'Sam')
    .replace(/\{\{(date|from|to)\}\}/g, '3 mei')
    .replace(/\{\{\w+\}\}/g, '12');

const dutch = leaves(portalNl as unknown as Tree);
const flemish = leaves(portalNlBE as unknown as Tree);
const parentTexts: Array<[string, string]> = [
  ...[...dutch].map(([k, v]): [string, string] => [`nl ${k}`, filled(v)]),
  ...[...flemish].map(([k, v]): [string, string] => [`nl-BE ${k}`, filled(v)]),
];

describe('Dutch syllables', () => {
  it('counts vowel groups, a diphthong or long vowel once', () => {
    expect(syllables('kind')).toBe(1);
    expect(syllables('gezin')).toBe(2);
    expect(syllables('huisarts')).toBe(2);
    expect(syllables('toestemming')).toBe(3);
    expect(syllables('verpleegkundige')).toBe(5);
    expect(syllables('blij')).toBe(1);
    expect(syllables('eeuw')).toBe(1);
    expect(syllables('ideaal')).toBe(3);
    expect(syllables('januari')).toBe(4);
  });

  it('starts a new syllable at a diaeresis', () => {
    expect(syllables('geëvalueerd')).toBe(5);
    expect(syllables('ruïne')).toBe(3);
  });

  it('splits sentences and words', () => {
    expect(sentences('Bel ons. Of mail! Wat nu?')).toHaveLength(3);
    expect(words('Bel 113 of 0800-0113, dag en nacht.')).toEqual(['Bel', 'of', 'dag', 'en', 'nacht']);
  });

  it('scores plain Dutch high and officialese low', () => {
    expect(fleschDouma('Je kind slaapt goed. Het eet ook goed. Dat is fijn.').score).toBeGreaterThan(80);
    expect(
      fleschDouma(
        'Indien de gezinsvoogdij-instelling overeenkomstig de toepasselijke regelgeving informatieverstrekking noodzakelijk acht, geschiedt deze uitsluitend na schriftelijke toestemming.',
      ).score,
    ).toBeLessThan(30);
  });
});

describe('parent portal texts (Dutch and Flemish)', () => {
  it('finds the portal texts', () => {
    expect(dutch.size).toBeGreaterThan(150);
    expect(flemish.size).toBeGreaterThan(10);
  });

  it('reads at plain-language level: Flesch-Douma of every text of a sentence or more is at least 60', () => {
    const hard: string[] = [];
    for (const [key, text] of parentTexts) {
      // A label of a word or two is no sentence to score on its own; it is scored with its screen below.
      if (words(text).length < 6) continue;
      const { score } = fleschDouma(text);
      if (score < 60) hard.push(`${key} (${score.toFixed(0)}): ${text}`);
    }
    expect(hard).toEqual([]);
  });

  it('reads at plain-language level per screen, labels included', () => {
    for (const [name, tree] of [
      ['nl', dutch],
      ['nl-BE', new Map([...dutch, ...flemish])],
    ] as const) {
      const screens = new Map<string, string[]>();
      for (const [key, text] of tree) {
        const screen = key.split('.')[0] ?? key;
        // Each text is its own sentence: a label ends where the next begins.
        screens.set(screen, [...(screens.get(screen) ?? []), filled(text).replace(/[.!?:]?\s*$/, '.')]);
      }
      for (const [screen, texts] of screens) {
        const { score } = fleschDouma(texts.join('\n'));
        expect(score, `${name} ${screen}`).toBeGreaterThanOrEqual(60);
      }
    }
  });

  it('never uses attachment jargon (guideline Thema 2, aanbeveling 10)', () => {
    for (const [key, text] of parentTexts) expect(text.toLowerCase(), key).not.toMatch(/hechting|gehecht/);
  });
});

describe('parent portal catalogues', () => {
  const english = leaves(portalEn as unknown as Tree);
  const vars = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

  it('English has exactly the Dutch keys; the regional overrides only keys that exist', () => {
    expect([...english.keys()].sort()).toEqual([...dutch.keys()].sort());
    for (const key of flemish.keys()) expect(dutch.has(key), key).toBe(true);
    for (const key of leaves(portalEnBE as unknown as Tree).keys()) expect(dutch.has(key), key).toBe(true);
  });

  it('every translation uses the same placeholders', () => {
    for (const [key, value] of dutch) {
      expect(vars(english.get(key) ?? ''), key).toEqual(vars(value));
      if (flemish.has(key)) expect(vars(flemish.get(key) ?? ''), key).toEqual(vars(value));
    }
  });

  it('says Kind en Gezin, never JGZ, to Flemish families', () => {
    const be = new Map([...dutch, ...flemish]);
    for (const [key, text] of be) expect(text, key).not.toMatch(/\bJGZ\b|consultatiebureau|\b113\b/);
  });
});
