import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DESIGN_VOCABULARY } from '@nestwerk/knowledge/testing/design-vocabulary';
import { describe, expect, it } from 'vitest';

/**
 * Runs the real `nestwerk` command as a child process, exactly as DESIGN §4.1 describes it
 * (`npm run --silent nestwerk -- …` runs `tsx packages/cli/src/main.ts …` from the repository root).
 */
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const MAIN = join('packages', 'cli', 'src', 'main.ts');

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function nestwerk(args: string[], stdin = ''): Run {
  const r = spawnSync(TSX, [MAIN, ...args], {
    cwd: ROOT,
    input: stdin,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, NESTWERK_DEBUG: '', NODE_OPTIONS: '' },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const DESIGN_EXAMPLE = {
  region: 'nl',
  child: { ageMonths: 14, firstChild: true },
  parents: [{ role: 'mother', ageYears: 19, lowEducation: true }],
  factors: { parent_depression: 'present', social_network_support: 'absent' },
  cues: { child_accepts_comfort: true },
  criteria: { regulation_problems_persistent: true },
};

/** Asserts the contract for bad input: exit 2, stdout empty, one JSON line on stderr, no stack trace. */
function expectUsageError(r: Run, field: string | RegExp) {
  expect(r.status, r.stderr).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).not.toMatch(/^\s{4}at /m);
  expect(r.stderr).not.toMatch(/\.ts:\d+:\d+/);
  const lines = r.stderr.split('\n').filter((l) => l.trim() !== '');
  expect(lines).toHaveLength(1);
  expect(r.stderr.endsWith('\n')).toBe(true);
  const err = JSON.parse(lines[0] ?? '') as { error: unknown; field: unknown; message: unknown };
  expect(typeof err.error).toBe('string');
  expect(typeof err.message).toBe('string');
  expect(String(err.message).trim()).not.toBe('');
  if (typeof field === 'string') expect(err.field).toBe(field);
  else expect(String(err.field)).toMatch(field);
  return err;
}

describe('nestwerk assess (DESIGN §4.1)', () => {
  it('the DESIGN example on stdin → exit 0 and one Assessment JSON with the required fields', () => {
    const r = nestwerk(['assess'], JSON.stringify(DESIGN_EXAMPLE));
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    const a = JSON.parse(r.stdout);
    expect(typeof a.knowledgeVersion).toBe('string');
    expect(a.knowledgeVersion).not.toBe('');
    expect(a.relationship).toMatchObject({
      suggestedBand: 'unclear',
      safeCues: ['child_accepts_comfort'],
      insecureCues: [],
      problematicCues: [],
    });
    // The mother is 19: teenage_mother (Tabel 2.2) follows from her age and accumulates with her depression.
    expect(a.balance).toMatchObject({
      hindering: ['parent_depression', 'teenage_mother'],
      protective: [],
      cumulativeRisk: true,
    });
    expect(a.referral).toMatchObject({
      criteriaMet: ['regulation_problems_persistent'],
      referOutside: false,
    });
    expect(Array.isArray(a.recommendations)).toBe(true);
    expect(a.recommendations.length).toBeGreaterThan(0);
    for (const rec of a.recommendations) {
      expect(Object.keys(rec)).toEqual(
        expect.arrayContaining(['id', 'category', 'interventions', 'rationale', 'sources']),
      );
      expect(rec.rationale).not.toBe('');
      expect(rec.sources.length).toBeGreaterThan(0);
      expect(rec.sources[0]).toEqual({ document: expect.any(String), ref: expect.any(String) });
    }
    expect(a.recommendations.map((x: { category: string }) => x.category)).toContain('advise_and_monitor');
    expect(Array.isArray(a.instruments)).toBe(true);
    expect(a.lang).toBe('nl');
  });

  it('--lang en gives English rationale; the default is Dutch', () => {
    const nl = JSON.parse(nestwerk(['assess'], JSON.stringify(DESIGN_EXAMPLE)).stdout);
    const r = nestwerk(['assess', '--lang', 'en'], JSON.stringify(DESIGN_EXAMPLE));
    expect(r.status, r.stderr).toBe(0);
    const en = JSON.parse(r.stdout);
    expect(en.lang).toBe('en');
    const last = (a: { recommendations: Array<{ rationale: string }> }) =>
      a.recommendations.at(-1)?.rationale;
    expect(last(en)).not.toBe(last(nl));
    expect(last(en)).toMatch(/\b(the|and|give)\b/i);
    expect(last(nl)).toMatch(/\b(de|en|geef)\b/i);
  });

  it('--lang=nl is accepted', () => {
    expect(nestwerk(['assess', '--lang=nl'], JSON.stringify(DESIGN_EXAMPLE)).status).toBe(0);
  });

  it('suspected maltreatment in Flanders puts the Vertrouwenscentrum first', () => {
    const input = { region: 'be', child: { ageMonths: 6 }, factors: { maltreatment_or_neglect: 'present' } };
    const r = nestwerk(['assess'], JSON.stringify(input));
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).recommendations[0]).toMatchObject({
      category: 'safety',
      interventions: ['vertrouwenscentrum_kindermishandeling'],
    });
  });

  describe('invalid input → exit 2, one JSON line on stderr naming the field, no stack trace', () => {
    const withInput = (patch: object) => JSON.stringify({ ...DESIGN_EXAMPLE, ...patch });

    it('malformed JSON', () => {
      expectUsageError(nestwerk(['assess'], '{"region": "nl", child: }'), 'stdin');
    });

    it('empty stdin', () => {
      expectUsageError(nestwerk(['assess'], ''), 'stdin');
    });

    it('unknown factor code', () => {
      const err = expectUsageError(
        nestwerk(['assess'], withInput({ factors: { parent_is_tired: 'present' } })),
        'factors.parent_is_tired',
      );
      expect(String(err.message)).toContain('parent_is_tired');
    });

    it('unknown region', () => {
      expectUsageError(nestwerk(['assess'], withInput({ region: 'de' })), 'region');
    });

    it('impossible age: ageMonths −1', () => {
      expectUsageError(nestwerk(['assess'], withInput({ child: { ageMonths: -1 } })), 'child.ageMonths');
    });

    it('impossible age: ageMonths 300', () => {
      expectUsageError(nestwerk(['assess'], withInput({ child: { ageMonths: 300 } })), 'child.ageMonths');
    });

    it('impossible age: gestationWeeks 50', () => {
      expectUsageError(
        nestwerk(['assess'], withInput({ child: { gestationWeeks: 50 } })),
        'child.gestationWeeks',
      );
    });

    it('both ageMonths and gestationWeeks', () => {
      expectUsageError(
        nestwerk(['assess'], withInput({ child: { ageMonths: 3, gestationWeeks: 20 } })),
        /^child/,
      );
    });

    it('wrong factor value', () => {
      expectUsageError(
        nestwerk(['assess'], withInput({ factors: { parent_depression: 'yes' } })),
        'factors.parent_depression',
      );
    });

    it('a screening total out of range, a wrong answer count, an unknown instrument', () => {
      const screen = (screenings: unknown[]) =>
        nestwerk(['assess'], withInput({ parents: [{ role: 'father', screenings }] }));
      expectUsageError(
        screen([{ instrument: 'epds', total: 31, item10: 0 }]),
        'parents[0].screenings[0].total',
      );
      expectUsageError(
        screen([{ instrument: 'whooley', answers: [true] }]),
        'parents[0].screenings[0].answers',
      );
      expectUsageError(
        screen([
          { instrument: 'gad_2', total: 1 },
          { instrument: 'bdi_2', total: 3 },
        ]),
        'parents[0].screenings[1].instrument',
      );
    });

    it('wrong cue value type', () => {
      expectUsageError(
        nestwerk(['assess'], withInput({ cues: { child_accepts_comfort: 'true' } })),
        'cues.child_accepts_comfort',
      );
    });

    it('a JSON value that is not an object', () => {
      expectUsageError(nestwerk(['assess'], '[1, 2, 3]'), /.+/);
    });

    it('unknown flag', () => {
      expectUsageError(nestwerk(['assess', '--verbose'], JSON.stringify(DESIGN_EXAMPLE)), '--verbose');
    });

    it('--lang de', () => {
      const err = expectUsageError(
        nestwerk(['assess', '--lang', 'de'], JSON.stringify(DESIGN_EXAMPLE)),
        '--lang',
      );
      expect(String(err.message)).toContain('de');
    });
  });
});

describe('nestwerk knowledge', () => {
  const r = nestwerk(['knowledge']);
  const kb = r.status === 0 ? JSON.parse(r.stdout) : null;

  it('exits 0 with the knowledge base as JSON', () => {
    expect(r.status, r.stderr).toBe(0);
    expect(typeof kb.version).toBe('string');
    expect(kb.version).not.toBe('');
  });

  const V = DESIGN_VOCABULARY;
  const codes: Record<string, readonly string[]> = {
    referralCriteria: V.referralCriteria,
    cues: [...V.safeCues, ...V.insecureCues, ...V.problematicCues],
    factors: [
      ...V.hinderingParent,
      ...V.hinderingFamily,
      ...V.hinderingChild,
      ...V.protectiveParent,
      ...V.protectiveFamily,
      ...V.protectiveChild,
    ],
    interventions: V.interventions,
  };

  it.each(Object.entries(codes))(
    'lists every DESIGN §4.2 code of %s with labels in nl and en and sources',
    (key, list) => {
      const items = kb[key] as Array<{ code: string; label: { nl: string; en: string }; sources: unknown[] }>;
      expect(Array.isArray(items)).toBe(true);
      for (const code of list) {
        const item = items.find((i) => i.code === code);
        expect(item, code).toBeDefined();
        expect(item?.label.nl, code).toBeTruthy();
        expect(item?.label.en, code).toBeTruthy();
        expect(item?.sources.length, code).toBeGreaterThan(0);
      }
    },
  );

  it('gives cue levels and factor kinds and levels', () => {
    const cue = kb.cues.find((c: { code: string }) => c.code === 'child_trauma_signals');
    expect(cue.level).toBe('problematic');
    const factor = kb.factors.find((f: { code: string }) => f.code === 'parent_depression');
    expect(factor).toMatchObject({ kind: 'hindering', level: 'parent' });
  });

  it('lists the instruments LSVG, ARI-CP 2-5, AISI 2-5 and AISI 6-12', () => {
    expect(kb.instruments.map((i: { id: string }) => i.id).sort()).toEqual([
      'aisi_2_5',
      'aisi_6_12',
      'ari_cp_2_5',
      'lsvg',
    ]);
  });

  it('an unknown flag on knowledge → exit 2', () => {
    expectUsageError(nestwerk(['knowledge', '--all']), '--all');
  });
});

describe('nestwerk commands', () => {
  it('the documented entry point `npm run --silent nestwerk -- assess` works end to end', () => {
    const ok = spawnSync('npm', ['run', '--silent', 'nestwerk', '--', 'assess', '--lang', 'en'], {
      cwd: ROOT,
      input: JSON.stringify(DESIGN_EXAMPLE),
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(ok.status, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout).lang).toBe('en');
    const bad = spawnSync('npm', ['run', '--silent', 'nestwerk', '--', 'assess'], {
      cwd: ROOT,
      input: JSON.stringify({ ...DESIGN_EXAMPLE, region: 'xx' }),
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe('');
    const last = bad.stderr.trim().split('\n').at(-1) ?? '';
    expect(JSON.parse(last)).toMatchObject({ error: 'invalid_input', field: 'region' });
    expect(bad.stderr).not.toMatch(/^\s{4}at /m);
  });

  it('an unknown command → exit 2 naming the command', () => {
    const err = expectUsageError(nestwerk(['asses']), 'command');
    expect(String(err.message)).toContain('asses');
  });

  it('help → exit 0 with usage listing assess and knowledge', () => {
    const r = nestwerk(['help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/assess/);
    expect(r.stdout).toMatch(/knowledge/);
  });
});
