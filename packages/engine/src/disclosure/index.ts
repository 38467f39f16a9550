export type { LinkedRecoverableCell, LinkOptions, RecoverableCell } from './linear-check.ts';
export { recoverableCells, recoverableInLinkedTables } from './linear-check.ts';
export { suppressLinkedTables } from './linked.ts';
export { publishRate } from './rate.ts';
export type { SuppressionOptions } from './suppress.ts';
export { DEFAULT_MIN_COUNT, suppressTable } from './suppress.ts';
export type { CountTable, PublishedCell, PublishedTable } from './table.ts';
