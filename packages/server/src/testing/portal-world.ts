import type { Kysely } from 'kysely';
import { generate } from 'otplib';
import { afterAll, beforeAll } from 'vitest';
import type { Database } from '../db/schema.ts';
import { ApiClient, startTestServer, type TestServer } from '../http/test-server.ts';
import type { TestDatabase } from './databases.ts';
import { LONG_SESSIONS } from './network-world.ts';
import { type Actor, actor, createOrg, type Org, relate, type SeededFamily, seedFamily } from './world.ts';

/** A password the policy accepts and no name is in. */
export const PARENT_PASSWORD = 'paarse-olifant-fietst-naar-zee';

export function totpAt(secret: string, at: Date): Promise<string> {
  return generate({ secret, epoch: Math.floor(at.getTime() / 1000) });
}

export interface PortalParent {
  client: ApiClient;
  email: string;
  secret: string;
  parentId: string;
}

let n = 0;

/** The real flow: the nurse invites, the parent redeems, sets up the authenticator and is logged in. */
export async function invitedParent(
  server: TestServer,
  nurse: Actor,
  familyId: string,
  personId: string,
): Promise<PortalParent> {
  const invitation = await nurse.client.post(
    `/api/families/${familyId}/persons/${personId}/portal-invitation`,
    { parentalAuthority: true },
  );
  if (invitation.status !== 201) throw new Error(`invite failed: ${invitation.status} ${invitation.text}`);
  const client = new ApiClient(server.url);
  const email = `ouder.${++n}.${personId.slice(-6)}@thuis.example`;
  const redeemed = await client.post('/api/portal/invitations/redeem', {
    code: invitation.json?.code,
    email,
    password: PARENT_PASSWORD,
  });
  if (redeemed.status !== 200) throw new Error(`redeem failed: ${redeemed.status} ${redeemed.text}`);
  const secret = String(redeemed.json?.secret);
  const enrolled = await client.post('/api/portal/session/totp', {
    code: await totpAt(secret, server.clock.now()),
  });
  if (enrolled.status !== 200) throw new Error(`enrol failed: ${enrolled.status} ${enrolled.text}`);
  const parent = enrolled.json?.parent as { id: string };
  return { client, email, secret, parentId: parent.id };
}

/** A second caregiver with parental authority in the family (the first one is seeded by seedFamily). */
export async function addCaregiver(
  db: Kysely<Database>,
  familyId: string,
  givenName: string,
): Promise<string> {
  const id = crypto.randomUUID();
  const at = '2026-01-01T00:00:00.000Z';
  await db
    .insertInto('persons')
    .values({
      id,
      family_id: familyId,
      kind: 'caregiver',
      given_name: givenName,
      family_name: 'Ouder',
      search_key: givenName.toLowerCase(),
      birth_date: null,
      due_date: null,
      first_child: null,
      caregiver_role: 'father',
      birth_year: 1990,
      low_education: 0,
      phone: null,
      created_at: at,
      updated_at: at,
      version: 1,
    })
    .execute();
  return id;
}

/** What a portal suite works in: a server with long sessions, an organisation, and the nurse who invites. */
export interface PortalWorld {
  server: TestServer;
  org: Org;
  nurse: Actor;
  /** A new family in the nurse's own caseload. */
  family(): Promise<SeededFamily>;
}

/** Sets up a {@link PortalWorld} before the suite's tests and closes its server after them. */
export function portalWorld(current: () => TestDatabase): PortalWorld {
  const world = {
    async family() {
      const f = await seedFamily(current().db, world.org.organisationId, world.nurse.id);
      await relate(current().db, f.familyId, { userId: world.nurse.id }, world.nurse.id);
      return f;
    },
  } as PortalWorld;
  beforeAll(async () => {
    const db = current().db;
    world.server = await startTestServer({ db, dialect: current().dialect, config: LONG_SESSIONS });
    world.org = await createOrg(db);
    world.nurse = await actor(world.server, db, world.org, 'nurse');
  });
  afterAll(async () => {
    await world.server?.close();
  });
  return world;
}
