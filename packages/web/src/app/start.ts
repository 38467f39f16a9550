import type { UserRole } from '@nestwerk/contract';

/**
 * Where each role starts: the page of its own work. Only care roles may read the worklist (the server
 * answers 403 to anyone else), so the IMH team starts on its intake list, the application manager on the
 * users, the analyst on the municipal dashboard and the team lead on the team overview.
 */
export function startPath(role: UserRole | null | undefined): string {
  switch (role) {
    case 'imh_specialist':
      return '/intake';
    case 'application_manager':
      return '/admin/users';
    case 'analyst':
      return '/dashboard';
    case 'team_lead':
      return '/team';
    default:
      return '/worklist';
  }
}

/** Roles that care for families and so have a worklist and can register a family. */
export function caresForFamilies(role: UserRole | null | undefined): boolean {
  return role === 'nurse' || role === 'physician' || role === 'team_lead';
}

type RoleTest = (role: UserRole | null | undefined) => boolean;

/**
 * Pages that belong to some roles only, as the server decides (policies/roles.ts, policies/referrals.ts): the
 * menu shows them to those roles, and anyone else who follows a link or a bookmark there meets a page that says
 * so instead of the page's controls above a refusal. Every other page is open to every role.
 */
export const PAGE_ACCESS = {
  worklist: caresForFamilies,
  register: caresForFamilies,
  intake: (role) => role === 'imh_specialist',
  dashboard: (role) => role === 'analyst',
  team: (role) => role === 'team_lead',
  users: (role) => role === 'application_manager',
  approvals: (role) => role === 'application_manager' || role === 'team_lead',
  // The analyst sees aggregates only, not the social map.
  partners: (role) => role !== null && role !== undefined && role !== 'analyst',
} as const satisfies Record<string, RoleTest>;

export type GatedPage = keyof typeof PAGE_ACCESS;

export function mayOpen(page: GatedPage, role: UserRole | null | undefined): boolean {
  return PAGE_ACCESS[page](role);
}
