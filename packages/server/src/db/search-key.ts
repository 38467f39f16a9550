/**
 * The form names are searched in: lower case, without diacritics, single spaces. "Zoë Koç" and "zoe koc" both
 * become "zoe koc", so a nurse finds a family however the name was typed. Computed in the application and
 * stored next to the name on write, because SQLite has no unaccent and PostgreSQL's needs an extension; both
 * databases then search the same column with a plain LIKE.
 */
const SPECIAL: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  ł: 'l',
  ı: 'i',
  þ: 'th',
};

export function searchKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[ßæœøđðłıþ]/g, (c) => SPECIAL[c] ?? c)
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

/** The search key of a person: given and family name together, as typed in search ("zoe de vries"). */
export function personSearchKey(givenName: string, familyName: string): string {
  return searchKey(`${givenName} ${familyName}`);
}
