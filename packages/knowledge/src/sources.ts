import type { SourceDocument, SourceRef } from './types.ts';

/** Short names for the seed documents, so data files read as prose. */
export const DOC = {
  imhRationale: '000_2afd5fe3e55409ce.txt',
  imhGoodPractice: '001_23e4b783b1d7f17e.txt',
  tnoFirst1000Days: '002_3a329fe0ecb56741.txt',
  guideline: '003_47e0953cc5abd28a.txt',
  imhSlides: '004_a575a0cd639937c5.txt',
  /** Flemish guide to perinatal screening and detection (Expertisecentrum Moeder-Baby, moederbaby.be). */
  leidraadScreening: 'leidraad-screening-detectie-vlaanderen',
  /** Edmondson et al. (2010), J Affect Disord 125: EPDS cut-offs for fathers. */
  edmondson2010: 'edmondson-2010-epds-fathers',
  /** Whooley et al. (1997), J Gen Intern Med 12: the two case-finding questions. */
  whooley1997: 'whooley-1997',
  /** Spitzer et al. (2006), Arch Intern Med 166: GAD-7 (and GAD-2, its first two items). */
  spitzer2006: 'spitzer-2006-gad-7',
  /** Kroenke et al. (2001), J Gen Intern Med 16: PHQ-9. */
  kroenke2001: 'kroenke-2001-phq-9',
  /** Cox et al. (1987), Br J Psychiatry 150: the Edinburgh Postnatal Depression Scale. */
  cox1987: 'cox-1987-epds',
  /** The Flemish Vertrouwenscentra Kindermishandeling and the professional-secrecy rule they work under. */
  vkFlanders: 'vertrouwenscentra-kindermishandeling-vlaanderen',
  /** VoorZorg's inclusion criteria as published by the programme (NCJ / Nederlands Jeugdinstituut). */
  voorzorgCriteria: 'voorzorg-inclusiecriteria',
} as const satisfies Record<string, SourceDocument>;

export function src(document: SourceDocument, ref: string): SourceRef {
  return { document, ref };
}

/**
 * Each passage once, in first-mention order. Advice often cites its own passage and then those of the route or
 * programme it points to, which may name the same passage again.
 */
export function uniqueSources(sources: readonly SourceRef[]): SourceRef[] {
  const seen = new Set<string>();
  return sources.filter((s) => {
    const key = `${s.document}#${s.ref}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Turns a record keyed by code into a list, so the type checker proves every code has an entry. */
export function listByCode<C extends string, T>(record: Record<C, T>): Array<T & { code: C }> {
  return (Object.entries(record) as Array<[C, T]>).map(([code, value]) => ({ ...value, code }));
}
