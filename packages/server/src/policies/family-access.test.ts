import { describe, expect, it } from 'vitest';
import type { Role } from '../db/schema.ts';
import { decideFamilyAccess, type FamilyAction, type FamilyFacts } from './family-access.ts';

const facts = (over: Partial<FamilyFacts>): FamilyFacts => ({
  inOwnOrganisation: true,
  activeRelationship: false,
  emergency: null,
  ...over,
});
const emergency = {
  reason: 'Weekenddienst, acute zorgen gemeld door de huisarts',
  expiresAt: '2026-03-02T13:00:00.000Z',
};
const ACTIONS: FamilyAction[] = ['read', 'write', 'export', 'access_log', 'break_glass'];

describe('decideFamilyAccess', () => {
  it.each<Role>(['imh_specialist', 'application_manager', 'analyst'])(
    'never opens a family to %s',
    (role) => {
      for (const action of ACTIONS)
        expect(decideFamilyAccess(role, action, facts({ activeRelationship: true, emergency }))).toEqual({
          allowed: false,
          why: 'role',
        });
    },
  );

  it.each<Role>(['nurse', 'physician', 'team_lead'])('gives %s everything on a care relationship', (role) => {
    for (const action of ACTIONS.filter((a) => a !== 'break_glass'))
      expect(decideFamilyAccess(role, action, facts({ activeRelationship: true }))).toMatchObject({
        allowed: true,
        basis: 'care_relationship',
      });
  });

  it('denies another organisation even with a relationship row and an emergency row', () => {
    for (const action of ACTIONS)
      expect(
        decideFamilyAccess(
          'nurse',
          action,
          facts({ inOwnOrganisation: false, activeRelationship: true, emergency }),
        ),
      ).toEqual({ allowed: false, why: 'not_found' });
  });

  it('opens only reading under emergency access, with the reason: no write, export or history', () => {
    const f = facts({ emergency });
    expect(decideFamilyAccess('physician', 'read', f)).toEqual({
      allowed: true,
      basis: 'emergency',
      reason: emergency.reason,
      expiresAt: emergency.expiresAt,
    });
    expect(decideFamilyAccess('physician', 'write', f)).toEqual({
      allowed: false,
      why: 'not_under_emergency',
    });
    expect(decideFamilyAccess('physician', 'export', f)).toEqual({
      allowed: false,
      why: 'not_under_emergency',
    });
    expect(decideFamilyAccess('physician', 'access_log', f)).toEqual({
      allowed: false,
      why: 'not_under_emergency',
    });
  });

  it('prefers the care relationship as basis when both hold', () => {
    expect(decideFamilyAccess('nurse', 'read', facts({ activeRelationship: true, emergency }))).toMatchObject(
      {
        basis: 'care_relationship',
        reason: null,
      },
    );
  });

  it('lets a care role break the glass in its own organisation only', () => {
    expect(decideFamilyAccess('nurse', 'break_glass', facts({}))).toMatchObject({
      allowed: true,
      basis: 'emergency',
    });
    expect(decideFamilyAccess('nurse', 'break_glass', facts({ inOwnOrganisation: false }))).toMatchObject({
      allowed: false,
    });
  });
});
