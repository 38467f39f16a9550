import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorLine, nestwerk } from './testing/nestwerk-process.ts';

/** `nestwerk fhir export --family ID` (DESIGN §4.4) as a child process, on a database of its own. */
const seed = {
  resourceType: 'Bundle',
  type: 'collection',
  entry: [
    {
      fullUrl: 'urn:uuid:6b1b6c2e-0000-5000-8000-00000000000a',
      resource: { resourceType: 'Group', type: 'person', actual: true, name: 'Peeters' },
    },
    {
      fullUrl: 'urn:uuid:6b1b6c2e-0000-5000-8000-00000000000b',
      resource: {
        resourceType: 'Patient',
        name: [{ use: 'official', family: 'Peeters', given: ['Lotte'] }],
        birthDate: '2025-10-01',
      },
    },
  ],
};

describe('nestwerk fhir export (DESIGN §4.4)', () => {
  let dir: string;
  let env: Record<string, string>;
  let familyId: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'nestwerk-fhir-export-cli-'));
    env = {
      NESTWERK_DATABASE_URL: `file:${join(dir, 'nestwerk.db')}`,
      NESTWERK_DEMO_PASSWORD: 'demo wachtzin voor de test',
    };
    const demo = nestwerk(['demo', '--families', '3', '--seed', 'fhir-export'], env);
    if (demo.status !== 0) throw new Error(demo.stderr);
    const imported = nestwerk(['fhir', 'import', '-'], env, JSON.stringify(seed));
    if (imported.status !== 0) throw new Error(imported.stderr);
    familyId = (JSON.parse(imported.stdout) as { familyId: string }).familyId;
  }, 300_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the family as one FHIR Bundle on stdout', () => {
    const r = nestwerk(['fhir', 'export', '--family', familyId], env);
    expect(r.status, r.stderr).toBe(0);
    const bundle = JSON.parse(r.stdout) as {
      resourceType: string;
      type: string;
      entry: { resource: { resourceType: string; name?: unknown } }[];
    };
    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'collection' });
    const patient = bundle.entry.find((e) => e.resource.resourceType === 'Patient');
    expect(patient?.resource.name).toEqual([{ use: 'official', family: 'Peeters', given: ['Lotte'] }]);
  });

  it('exits 2 with a one-line JSON error for an unknown family or missing arguments', () => {
    const unknown = nestwerk(['fhir', 'export', '--family', '00000000-0000-4000-8000-000000000000'], env);
    expect(unknown.status).toBe(2);
    expect(unknown.stdout).toBe('');
    expect(errorLine(unknown.stderr)).toMatchObject({ field: '--family' });
    const missing = nestwerk(['fhir', 'export'], env);
    expect(missing.status).toBe(2);
    expect(errorLine(missing.stderr)).toMatchObject({ field: '--family' });
  });
});
