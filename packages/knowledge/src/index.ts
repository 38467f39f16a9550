export * from './codes.ts';
export type * from './types.ts';
export { DOC, src } from './sources.ts';
export { knowledge, KNOWLEDGE_VERSION } from './knowledge.ts';
export type { Knowledge } from './knowledge.ts';
export { text } from './text.ts';
