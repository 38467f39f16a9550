// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { rememberedRegion, rememberRegion } from './locale.tsx';

describe('the portal region before log-in', () => {
  afterEach(() => localStorage.clear());

  it('guesses Flanders on a first visit from a Belgian browser language, else the Netherlands', () => {
    expect(rememberedRegion(['nl-BE', 'nl'])).toBe('be');
    expect(rememberedRegion(['fr-be'])).toBe('be');
    expect(rememberedRegion(['nl-NL', 'en-US'])).toBe('nl');
    expect(rememberedRegion(['nl'])).toBe('nl');
    expect(rememberedRegion([])).toBe('nl');
  });

  it('keeps the region of the family seen last in this browser, whatever its languages', () => {
    rememberRegion('nl');
    expect(rememberedRegion(['nl-BE'])).toBe('nl');
    rememberRegion('be');
    expect(rememberedRegion(['nl-NL'])).toBe('be');
  });
});
