import { assess, parseAssessmentInput } from '@nestwerk/engine';
import { knowledge } from '@nestwerk/knowledge';
import { type BenchResult, percentile, round } from './stats.ts';

/** A realistic contact: a toddler, two parents, a dozen observations, several recommendations firing. */
const REALISTIC_INPUT = {
  region: 'nl',
  child: { ageMonths: 14, firstChild: true },
  parents: [
    { role: 'mother', ageYears: 19, lowEducation: true },
    { role: 'father', ageYears: 23 },
  ],
  factors: {
    parent_depression: 'present',
    parent_stress: 'present',
    low_social_support: 'present',
    preterm_birth: 'present',
    social_network_support: 'absent',
    stable_housing: 'present',
    accepts_support: 'present',
    parent_adverse_childhood_experiences: 'unknown',
  },
  cues: {
    child_accepts_comfort: true,
    child_explores_keeping_contact: true,
    parent_insensitive_or_inconsistent: true,
    parent_misses_child_stress: true,
    little_shared_enjoyment: true,
  },
  criteria: { regulation_problems_persistent: true, parent_worry_or_overload_persistent: true },
};

export function benchEngine(opts: { quick: boolean }): BenchResult[] {
  const parsed = parseAssessmentInput(REALISTIC_INPUT);
  if (!parsed.ok) throw new Error(`bench input invalid: ${parsed.error.message}`);
  const input = parsed.value;
  const iterations = opts.quick ? 20_000 : 200_000;
  // Warm up until the engine runs optimised code: after 2,000 calls the slowest 1% still bunched in the first
  // few thousand timed samples (the optimising compiler shares the 2 cores), after 20,000 they spread evenly.
  for (let i = 0; i < 20_000; i++) assess(input, knowledge);

  const samples = new Float64Array(iterations);
  const started = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) {
    const t0 = process.hrtime.bigint();
    assess(input, knowledge);
    samples[i] = Number(process.hrtime.bigint() - t0) / 1_000;
  }
  const totalSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  const sorted = Array.from(samples).sort((a, b) => a - b);

  // Parsing is part of every real call (CLI, server), so it is measured too.
  const parseIterations = Math.floor(iterations / 4);
  const parseStart = process.hrtime.bigint();
  for (let i = 0; i < parseIterations; i++) parseAssessmentInput(REALISTIC_INPUT);
  const parseSeconds = Number(process.hrtime.bigint() - parseStart) / 1e9;

  return [
    { name: 'engine.assess.p50_us', value: round(percentile(sorted, 50)), unit: 'us', iterations },
    { name: 'engine.assess.p99_us', value: round(percentile(sorted, 99)), unit: 'us', iterations },
    {
      name: 'engine.assess.ops_per_s',
      value: Math.round(iterations / totalSeconds),
      unit: 'ops_per_s',
      iterations,
    },
    {
      name: 'engine.parse_input.ops_per_s',
      value: Math.round(parseIterations / parseSeconds),
      unit: 'ops_per_s',
      iterations: parseIterations,
    },
  ];
}
