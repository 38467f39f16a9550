import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { nl } from './nl.ts';
import { nlBE } from './nl-BE.ts';

type Tree = { [key: string]: string | Tree };

function* leaves(tree: Tree, prefix = ''): Generator<[string, string]> {
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') yield [path, value];
    else yield* leaves(value, path);
  }
}

describe('wording of all three catalogues', () => {
  it('writes plurals as i18next plural forms, not "fout(en)", "stap(pen)", "vraag/vragen" or "error(s)"', () => {
    for (const catalogue of [nl, nlBE, en] as unknown as Tree[])
      for (const [key, value] of leaves(catalogue))
        expect(value, key).not.toMatch(/\w\((en|n|s|pen|men|e)\)|\b(signaal\/signalen|vraag\/vragen)\b/);
  });

  it('says what a count in brackets counts', () => {
    for (const catalogue of [nl, nlBE, en] as unknown as Tree[])
      for (const [key, value] of leaves(catalogue))
        expect(value, key).not.toMatch(/^(Op basis van|Based on)$/);
  });
});
