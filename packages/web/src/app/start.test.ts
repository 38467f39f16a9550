import { type UserRole, userRoles } from '@nestwerk/contract';
import { describe, expect, it } from 'vitest';
import { caresForFamilies, type GatedPage, mayOpen, PAGE_ACCESS, startPath } from './start.ts';

describe('start page per role', () => {
  it('sends each role to a page it may open', () => {
    expect(startPath('nurse')).toBe('/worklist');
    expect(startPath('physician')).toBe('/worklist');
    expect(startPath('team_lead')).toBe('/team');
    expect(startPath('imh_specialist')).toBe('/intake');
    expect(startPath('application_manager')).toBe('/admin/users');
    expect(startPath('analyst')).toBe('/dashboard');
  });
  it('gives only care roles the worklist', () => {
    expect(caresForFamilies('nurse')).toBe(true);
    expect(caresForFamilies('imh_specialist')).toBe(false);
    expect(caresForFamilies('application_manager')).toBe(false);
    expect(caresForFamilies('analyst')).toBe(false);
  });
});

describe('pages that belong to some roles', () => {
  // The server's answer for each role (policies/roles.ts, policies/referrals.ts): the web app must agree, or a
  // role meets a refusal below a page's controls, or misses a page of its own work.
  const expected: Record<GatedPage, UserRole[]> = {
    worklist: ['nurse', 'physician', 'team_lead'],
    register: ['nurse', 'physician', 'team_lead'],
    intake: ['imh_specialist'],
    dashboard: ['analyst'],
    team: ['team_lead'],
    users: ['application_manager'],
    approvals: ['team_lead', 'application_manager'],
    partners: ['nurse', 'physician', 'team_lead', 'imh_specialist', 'application_manager'],
  };
  const roles = [...userRoles];

  it('opens each page to exactly the roles the server serves', () => {
    for (const page of Object.keys(PAGE_ACCESS) as GatedPage[])
      expect(
        roles.filter((role) => mayOpen(page, role)),
        page,
      ).toEqual(expected[page]);
  });

  it('lets every role open its own start page, and no page without a session', () => {
    const pageOf: Record<string, GatedPage> = {
      '/worklist': 'worklist',
      '/intake': 'intake',
      '/dashboard': 'dashboard',
      '/team': 'team',
      '/admin/users': 'users',
    };
    for (const role of roles) {
      const page = pageOf[startPath(role)];
      expect(page && mayOpen(page, role), role).toBe(true);
    }
    for (const page of Object.keys(PAGE_ACCESS) as GatedPage[]) expect(mayOpen(page, null), page).toBe(false);
  });
});
