import type { Lang, Region, Text } from './types.ts';

/** Picks the wording for a language and region: Flemish wording where it differs, else Dutch. */
export function text(value: Text, lang: Lang, region: Region = 'nl'): string {
  if (lang === 'en') return value.en;
  return region === 'be' && value.nlBE !== undefined ? value.nlBE : value.nl;
}
