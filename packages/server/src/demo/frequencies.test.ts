import { describe, expect, it } from 'vitest';
import { generateFamily } from './family.ts';
import { DEFAULT_DEMO_SEED } from './load.ts';
import { planStaff } from './staff.ts';

const N = 400;
const today = Date.UTC(2026, 10, 30);
const iso = new Date(today).toISOString().slice(0, 10);

/** What the worklist would show of each generated family: its latest final assessment and next follow-up. */
function caseload() {
  const staff = planStaff(N, DEFAULT_DEMO_SEED, today);
  return Array.from({ length: N }, (_, i) => {
    const f = generateFamily(i, { seed: DEFAULT_DEMO_SEED, today, staff });
    const finals = new Set(f.contacts.filter((c) => c.status === 'final').map((c) => c.id));
    const last = f.assessments.filter((a) => finals.has(a.contact_id)).at(-1);
    const balance = last ? (JSON.parse(last.result_json) as { balance: { tilt: string } }).balance : null;
    const next = f.agreements
      .filter((a) => a.status === 'open' && a.follow_up_due)
      .map((a) => a.follow_up_due as string)
      .sort()[0];
    return {
      cumulativeRisk: last?.cumulative_risk === 1,
      flagged: last?.cumulative_risk === 1 && balance?.tilt !== 'strength_outweighs',
      overdue: next !== undefined && next < iso,
      dueToday: next === iso,
    };
  });
}

describe('demo frequencies', () => {
  const families = caseload();
  const share = (pick: (f: (typeof families)[number]) => boolean) => families.filter(pick).length / N;

  it('gives cumulative risk to a realistic minority, and the worklist flag to fewer still', () => {
    // Two or more burdens: about a quarter (seed 000 counts 36% of adults with two or more adverse
    // childhood experiences, a wider net than the burdens a nurse records at one contact).
    expect(share((f) => f.cumulativeRisk)).toBeGreaterThan(0.12);
    expect(share((f) => f.cumulativeRisk)).toBeLessThan(0.3);
    expect(share((f) => f.flagged)).toBeLessThan(share((f) => f.cumulativeRisk));
    expect(share((f) => f.flagged)).toBeLessThan(0.25);
  });

  it('has a few follow-ups today and some overdue, not a third of the caseload late', () => {
    expect(share((f) => f.dueToday)).toBeGreaterThan(0.02);
    expect(share((f) => f.overdue)).toBeGreaterThan(0.03);
    expect(share((f) => f.overdue)).toBeLessThan(0.15);
  });
});
