// For the benchmarks in packages/cli/src/bench only (`@nestwerk/server/bench`): a scratch database and the
// bare baseline route the API benchmark compares against. Not part of the server's entry.
export { type BareServer, startBareFamilyServer } from './bare-family-server.ts';
export { type BenchDatabase, openBenchDatabase } from './bench-database.ts';
export { demoGeneratorCpuUs } from './demo-generator-cost.ts';
