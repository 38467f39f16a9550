import type { SourceDocument, SourceRef } from './types.ts';

/** Short names for the seed documents, so data files read as prose. */
export const DOC = {
  imhRationale: '000_2afd5fe3e55409ce.txt',
  imhGoodPractice: '001_23e4b783b1d7f17e.txt',
  tnoFirst1000Days: '002_3a329fe0ecb56741.txt',
  guideline: '003_47e0953cc5abd28a.txt',
  imhSlides: '004_a575a0cd639937c5.txt',
} as const satisfies Record<string, SourceDocument>;

export function src(document: SourceDocument, ref: string): SourceRef {
  return { document, ref };
}

/** Turns a record keyed by code into a list, so the type checker proves every code has an entry. */
export function listByCode<C extends string, T>(record: Record<C, T>): Array<T & { code: C }> {
  return (Object.entries(record) as Array<[C, T]>).map(([code, value]) => ({ ...value, code }));
}
