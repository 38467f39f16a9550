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
