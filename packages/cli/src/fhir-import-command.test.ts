import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorLine, nestwerk } from './testing/nestwerk-process.ts';

/** `nestwerk fhir import FILE|-` (DESIGN §4.4) as a child process, on a demo database of its own. */
const bundle = {
  resourceType: 'Bundle',
  type: 'collection',
  entry: [
    {
      fullUrl: 'urn:uuid:6b1b6c2e-0000-5000-8000-000000000001',
      resource: {
        resourceType: 'Group',
        identifier: [{ system: 'https://nestwerk.nl/fhir/NamingSystem/family-id', value: 'elders-1' }],
        type: 'person',
        actual: true,
        name: 'De Wit',
      },
    },
    {
      fullUrl: 'urn:uuid:6b1b6c2e-0000-5000-8000-000000000002',
      resource: {
        resourceType: 'Patient',
        name: [{ use: 'official', family: 'De Wit', given: ['Fenna'] }],
        birthDate: '2025-08-01',
      },
    },
  ],
};

describe('nestwerk fhir import (DESIGN §4.4)', () => {
  let dir: string;
  let env: Record<string, string>;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'nestwerk-fhir-cli-'));
    env = {
      NESTWERK_DATABASE_URL: `file:${join(dir, 'nestwerk.db')}`,
      NESTWERK_DEMO_PASSWORD: 'demo wachtzin voor de test',
    };
    const demo = nestwerk(['demo', '--families', '20', '--seed', 'fhir-import'], env);
    if (demo.status !== 0) throw new Error(demo.stderr);
  }, 300_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('imports a Bundle from a file and prints the family id; the same Bundle from stdin finds it again', () => {
    const file = join(dir, 'bundle.json');
    writeFileSync(file, JSON.stringify(bundle));
    const first = nestwerk(['fhir', 'import', file], env);
    expect(first.status, first.stderr).toBe(0);
    const out = JSON.parse(first.stdout) as { familyId: string };
    expect(Object.keys(out)).toEqual(['familyId']);
    const again = nestwerk(['fhir', 'import', '-'], env, JSON.stringify(bundle));
    expect(again.status, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout)).toEqual(out);
  });

  it('exits 2 with a JSON error naming the entry, and on input that is not JSON', () => {
    const broken = structuredClone(bundle);
    (broken.entry[1]?.resource as { birthDate?: string }).birthDate = '2025-13-01';
    const r = nestwerk(['fhir', 'import', '-'], env, JSON.stringify(broken));
    expect(r.status, r.stderr).toBe(2);
    expect(r.stdout).toBe('');
    expect(errorLine(r.stderr)).toMatchObject({
      error: 'invalid_input',
      field: 'entry.1',
      issues: [
        {
          path: 'entry.1',
          code: 'invalid_date',
          params: { resourceType: 'Patient', fhirPath: 'Patient.birthDate' },
        },
      ],
    });
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const notJson = nestwerk(['fhir', 'import', '-'], env, '{"resourceType":');
    expect(notJson.status).toBe(2);
    expect(errorLine(notJson.stderr)).toMatchObject({ field: 'file' });
  });
});
