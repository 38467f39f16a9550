export * from './api.ts';
export * from './common.ts';
export * from './route.ts';
export * from './worklist.ts';
