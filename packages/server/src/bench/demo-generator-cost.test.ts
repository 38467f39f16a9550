import { describe, expect, it } from 'vitest';
import { generateFamily } from '../demo/family.ts';
import { planStaff } from '../demo/staff.ts';
import { demoGeneratorCpuUs } from './demo-generator-cost.ts';

describe('demoGeneratorCpuUs', () => {
  it('times generating families and leaves the generator as it was', () => {
    const day = Date.UTC(2026, 11, 5);
    const ctx = { seed: 'cost', today: day, staff: planStaff(40, 'cost', day) };
    const before = JSON.stringify(generateFamily(3, ctx));
    const us = demoGeneratorCpuUs(20, 'cost', day);
    expect(Number.isFinite(us)).toBe(true);
    expect(us).toBeGreaterThan(0);
    // Pure: timing it draws nothing from a shared generator, so the demo's families stay the same.
    expect(JSON.stringify(generateFamily(3, ctx))).toBe(before);
  });
});
