import type { Insertable } from 'kysely';
import type { OrganisationTable, Role, TeamTable, UserTable } from '../db/schema.ts';
import { STAFF_NAMES } from './names.ts';
import { demoId, Random } from './random.ts';

export const DEMO_DOMAIN = 'demo.nestwerk.test';

/** The demo log-ins the README lists, one per role; colleagues the demo creates besides them share their password. */
export interface DemoAccount {
  email: string;
  role: Role;
  displayName: string;
  organisation: string;
  team: string | null;
}

/** A nurse looks after about this many families; a team has about this many nurses. */
const CASELOAD = 400;
const NURSES_PER_TEAM = 8;

type UserRow = Omit<Insertable<UserTable>, 'password_hash'>;

export interface RegionStaff {
  organisationId: string;
  teamIds: string[];
  /** One per team, same index. */
  physicianIds: string[];
  /** Nurse k belongs to team k % teamIds.length. */
  nurseIds: string[];
}

export interface StaffPlan {
  organisations: Insertable<OrganisationTable>[];
  teams: Insertable<TeamTable>[];
  users: UserRow[];
  accounts: DemoAccount[];
  nl: RegionStaff;
  be: RegionStaff;
  teamLeadId: string;
  /** The Dutch IMH team (imh@). */
  imhTeamId: string;
  /** Per region, the partner organisation whose IMH team receives referrals via Nestwerk. */
  /**
   * Each region's IMH team: its organisation, team and demo user, and `partnerId`, its entry on the region's
   * social map (network.ts), which consents for a referral name.
   */
  imh: Record<'nl' | 'be', { organisationId: string; teamId: string; userId: string; partnerId: string }>;
}

/** Which region family `index` lives in: one in five is Flemish, so the counts are exact for any N. */
export function familyRegion(index: number): { region: 'nl' | 'be'; regionalIndex: number } {
  return index % 5 === 4
    ? { region: 'be', regionalIndex: Math.floor(index / 5) }
    : { region: 'nl', regionalIndex: index - Math.floor(index / 5) };
}

const NL_TEAMS = ['Noord', 'Zuid', 'Oost', 'West', 'Centrum', 'Bilthoven', 'De Meern', 'Leidsche Rijn'];
const BE_TEAMS = ['Gent-Centrum', 'Dendermonde', 'Aalst', 'Waasland'];

/**
 * Organisations, teams and people, sized to the number of families so that caseloads stay realistic
 * (the demo nurse sees a few hundred families, not all of them).
 */
export function planStaff(families: number, seed: string, today: number): StaffPlan {
  const rng = new Random(`${seed}:staff`);
  const createdMs = today - 7 * 365 * 86_400_000;
  const createdAt = new Date(createdMs).toISOString();
  const id = () => demoId(rng, createdMs);

  const nlOrg = {
    id: id(),
    name: 'JGZ Veldland',
    region: 'nl' as const,
    kind: 'jgz' as const,
    // Fictitious: a Dutch subscriber number never starts with 0.
    phone: '030 000 0000',
    created_at: createdAt,
  };
  const beOrg = {
    id: id(),
    name: 'Kind en Gezin Scheldeland',
    region: 'be' as const,
    // Fictitious: a Belgian subscriber number never starts with 0.
    phone: '09 000 00 00',
    kind: 'jgz' as const,
    created_at: createdAt,
  };
  const partner = {
    id: id(),
    name: 'IMH-netwerk Veldland',
    region: 'nl' as const,
    kind: 'partner' as const,
    phone: null,
    created_at: createdAt,
  };
  const teams: Insertable<TeamTable>[] = [];
  const users: UserRow[] = [];
  const accounts: DemoAccount[] = [];

  const user = (
    organisationId: string,
    teamId: string | null,
    role: Role,
    email: string,
    displayName: string,
  ): string => {
    const userId = id();
    users.push({
      id: userId,
      organisation_id: organisationId,
      team_id: teamId,
      email,
      display_name: displayName,
      role,
      totp_secret: null,
      totp_enrolled_at: null,
      is_demo: 1,
      must_change_password: 0,
      failed_logins: 0,
      locked_until: null,
      disabled_at: null,
      created_at: createdAt,
      version: 1,
    });
    return userId;
  };
  // With the role, as the demo's own accounts have it: a file's timeline and the team overview read
  // "Nicole Wuyts, verpleegkundige" beside "Lien Claes, verpleegkundige".
  const colleagueName = (role: string) =>
    `${rng.pick(STAFF_NAMES.given)} ${rng.pick(STAFF_NAMES.family)}, ${role}`;

  const region = (
    org: { id: string; name: string },
    familyCount: number,
    minNurses: number,
    minTeams: number,
    teamNames: readonly string[],
    prefix: string,
  ): RegionStaff => {
    const nurseCount = Math.max(minNurses, Math.ceil(familyCount / CASELOAD));
    const teamCount = Math.max(minTeams, Math.ceil(nurseCount / NURSES_PER_TEAM));
    const staff: RegionStaff = { organisationId: org.id, teamIds: [], physicianIds: [], nurseIds: [] };
    for (let t = 0; t < teamCount; t++) {
      const teamId = id();
      const name = `Team ${teamNames[t] ?? `${teamNames[t % teamNames.length]} ${Math.floor(t / teamNames.length) + 1}`}`;
      teams.push({ id: teamId, organisation_id: org.id, name, created_at: createdAt });
      staff.teamIds.push(teamId);
    }
    for (let t = 0; t < teamCount; t++) {
      staff.physicianIds.push(
        prefix === 'nl' && t === 0
          ? account(
              org,
              staff.teamIds[0]!,
              teams[0]!.name,
              'physician',
              'jeugdarts',
              'Pieter Smit, jeugdarts',
            )
          : user(
              org.id,
              staff.teamIds[t]!,
              'physician',
              `arts.${prefix}.${t + 1}@${DEMO_DOMAIN}`,
              colleagueName(prefix === 'nl' ? 'jeugdarts' : 'arts'),
            ),
      );
    }
    const firstTeam = teams.find((t) => t.id === staff.teamIds[0])?.name ?? null;
    for (let k = 0; k < nurseCount; k++) {
      const teamId = staff.teamIds[k % teamCount]!;
      staff.nurseIds.push(
        k === 0
          ? prefix === 'nl'
            ? account(org, teamId, firstTeam, 'nurse', 'verpleegkundige', 'Sanne de Boer, verpleegkundige')
            : account(org, teamId, firstTeam, 'nurse', 'verpleegkundige.be', 'Lien Claes, verpleegkundige')
          : user(
              org.id,
              teamId,
              'nurse',
              `vpk.${prefix}.${k + 1}@${DEMO_DOMAIN}`,
              colleagueName('verpleegkundige'),
            ),
      );
    }
    return staff;
  };

  const account = (
    org: { id: string; name: string },
    teamId: string | null,
    teamName: string | null,
    role: Role,
    local: string,
    displayName: string,
  ): string => {
    const email = `${local}@${DEMO_DOMAIN}`;
    accounts.push({ email, role, displayName, organisation: org.name, team: teamName });
    return user(org.id, teamId, role, email, displayName);
  };

  const beCount = Math.floor(families / 5);
  const nl = region(nlOrg, families - beCount, 4, 2, NL_TEAMS, 'nl');
  const teamLeadId = account(
    nlOrg,
    nl.teamIds[0]!,
    teams[0]!.name,
    'team_lead',
    'teamleider',
    'Marieke Jansen, teamleider',
  );
  const be = region(beOrg, beCount, 2, 1, BE_TEAMS, 'be');

  const imhTeamId = id();
  teams.push({
    id: imhTeamId,
    organisation_id: partner.id,
    name: 'IMH-team Veldland',
    created_at: createdAt,
  });
  const imhUserId = account(
    partner,
    imhTeamId,
    'IMH-team Veldland',
    'imh_specialist',
    'imh',
    'Eva Kramer, IMH-specialist',
  );
  account(nlOrg, null, null, 'application_manager', 'beheer', 'Jeroen Mulder, functioneel beheerder');
  account(nlOrg, null, null, 'analyst', 'gemeente', 'Fatima El Amrani, beleidsmedewerker gemeente');

  // In Flanders the IMH team of the first 1000 days is a mental-health centre's baby- en peuterteam (seed 004);
  // made last so that every id above stays what it was for a seed.
  const bePartner = {
    id: id(),
    name: 'CGG Scheldeland',
    region: 'be' as const,
    kind: 'partner' as const,
    created_at: createdAt,
  };
  const beImhTeamId = id();
  teams.push({
    id: beImhTeamId,
    organisation_id: bePartner.id,
    name: 'Baby- en peuterteam Scheldeland',
    created_at: createdAt,
  });
  const beImhUserId = account(
    bePartner,
    beImhTeamId,
    'Baby- en peuterteam Scheldeland',
    'imh_specialist',
    'imh.be',
    'Hanne Wouters, IMH-medewerker',
  );

  // Kind en Gezin's own team lead and application manager, so the Flemish organisation has what the Dutch one has:
  // someone who hears of an urgent screening, a team overview, a second person for four-eyes approvals. Made
  // after everything above, which keeps every earlier id of a seed.
  const beTeamName = teams.find((t) => t.id === be.teamIds[0])?.name ?? null;
  account(
    beOrg,
    be.teamIds[0]!,
    beTeamName,
    'team_lead',
    'teamverantwoordelijke.be',
    'Sofie Janssens, teamverantwoordelijke',
  );
  account(beOrg, null, null, 'application_manager', 'beheer.be', 'Koen Maes, applicatiebeheerder');
  // A local government's policy officer, who opens the figures on Flanders in Flemish wording; made last as well.
  account(beOrg, null, null, 'analyst', 'gemeente.be', 'Ine Peeters, beleidsmedewerker lokaal bestuur');

  const order = [
    'verpleegkundige',
    'jeugdarts',
    'teamleider',
    'imh',
    'beheer',
    'gemeente',
    'verpleegkundige.be',
    'teamverantwoordelijke.be',
    'imh.be',
    'beheer.be',
    'gemeente.be',
  ];
  accounts.sort((a, b) => order.indexOf(a.email.split('@')[0]!) - order.indexOf(b.email.split('@')[0]!));
  return {
    organisations: [nlOrg, beOrg, partner, bePartner],
    teams,
    users,
    accounts,
    nl,
    be,
    teamLeadId,
    imhTeamId,
    imh: {
      // Drawn last, so the ids drawn before stay as they were.
      nl: { organisationId: partner.id, teamId: imhTeamId, userId: imhUserId, partnerId: id() },
      be: { organisationId: bePartner.id, teamId: beImhTeamId, userId: beImhUserId, partnerId: id() },
    },
  };
}
