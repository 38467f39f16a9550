import { DAY } from '../demo/days.ts';
import { generateFamily } from '../demo/family.ts';
import { planStaff } from '../demo/staff.ts';

/**
 * ONLY for `npm run bench`: the CPU time the demo loader's generator alone spends on a family (its household,
 * contacts, the engine's assessment of each contact, the rows), without storing anything. Beside
 * `db.demo.families_per_s` it shows how much of a family's cost is making it and how much storing it. Warm:
 * the first families, which pay for loading code and the knowledge base, are not counted.
 */
export function demoGeneratorCpuUs(families: number, seed: string, today = Date.now()): number {
  // The generator's day is a midnight, UTC (FamilyContext).
  const day = Math.floor(today / DAY) * DAY;
  const ctx = { seed, today: day, staff: planStaff(families * 2, seed, day) };
  for (let i = 0; i < families; i++) generateFamily(i, ctx);
  const before = process.cpuUsage();
  for (let i = families; i < families * 2; i++) generateFamily(i, ctx);
  const used = process.cpuUsage(before);
  return (used.user + used.system) / families;
}
