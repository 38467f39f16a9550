import { readFileSync } from 'node:fs';

/**
 * `npx tsx packages/cli/src/bench/profile-summary.ts FILE.cpuprofile`: the self time of a V8 CPU profile
 * (`node --cpu-prof`, or NESTWERK_BENCH_CPU_PROF=dir for the bench's server processes) by function and by
 * package, as percentages of the busy (non-idle) time — the breakdown in docs/operations.md.
 */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

function category(url: string, name: string): string {
  if (name === '(garbage collector)') return 'gc';
  if (name === '(program)' || url === '') return name.startsWith('(') ? name : 'native';
  const pkg = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (pkg?.[1]) return pkg[1];
  const own = url.match(/packages\/([^/]+)\/src\/([^/]+)/);
  if (own) return `@nestwerk/${own[1]}/${own[2]}`;
  if (url.startsWith('node:')) return 'node';
  return url;
}

const file = process.argv[2];
if (!file) throw new Error('usage: profile-summary FILE.cpuprofile [top]');
const top = Number(process.argv[3] ?? 20);
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const selfByFunction = new Map<string, number>();
const selfByCategory = new Map<string, number>();
let busy = 0;
profile.samples.forEach((id, i) => {
  const node = byId.get(id);
  const dt = profile.timeDeltas[i] ?? 0;
  if (!node || node.callFrame.functionName === '(idle)') return;
  busy += dt;
  const { functionName, url, lineNumber } = node.callFrame;
  const where = url.replace(/^.*\/(node_modules|packages)\//, '');
  const key = `${functionName || '(anonymous)'} ${where}:${lineNumber + 1}`;
  selfByFunction.set(key, (selfByFunction.get(key) ?? 0) + dt);
  const cat = category(url, functionName);
  selfByCategory.set(cat, (selfByCategory.get(cat) ?? 0) + dt);
});
const show = (title: string, map: Map<string, number>) => {
  process.stdout.write(`${title}\n`);
  for (const [k, v] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top))
    process.stdout.write(`${((100 * v) / busy).toFixed(1).padStart(5)}%  ${k}\n`);
};
process.stdout.write(`busy ${(busy / 1000).toFixed(0)} ms\n`);
show('self time by package', selfByCategory);
show('self time by function', selfByFunction);
