import type { Kysely } from 'kysely';
import { v7 as uuid } from 'uuid';
import type { Database } from '../db/schema.ts';
import type { ApiResponse } from '../http/test-server.ts';
import type { Actor, SeededFamily } from './world.ts';

/** Test support for the network and referral routes: partners, consents and users of sending and receiving organisations. */

export interface PartnerSeed {
  name: string;
  kind: string;
  country?: 'nl' | 'be';
  region?: string;
  municipalities?: string[];
  interventions?: string[];
  nestwerkOrganisationId?: string | null;
  feedbackDays?: number | null;
  intakePhone?: string | null;
  intakeEmail?: string | null;
  address?: string | null;
}

/** A social-map entry straight into the database (tests that are not about the social map itself). */
export async function seedPartner(
  db: Kysely<Database>,
  organisationId: string,
  p: PartnerSeed,
): Promise<string> {
  const id = uuid();
  const at = '2026-01-01T00:00:00.000Z';
  await db
    .insertInto('partners')
    .values({
      id,
      organisation_id: organisationId,
      name: p.name,
      kind: p.kind,
      country: p.country ?? 'nl',
      region: p.region ?? 'Utrecht',
      address: p.address ?? null,
      phone: null,
      email: null,
      website: null,
      intake_phone: p.intakePhone ?? null,
      intake_email: p.intakeEmail ?? null,
      nestwerk_organisation_id: p.nestwerkOrganisationId ?? null,
      registration_note: null,
      feedback_days: p.feedbackDays ?? null,
      data_exchange: null,
      reachability: null,
      note: null,
      archived_at: null,
      created_by: null,
      created_at: at,
      updated_at: at,
      version: 1,
    })
    .execute();
  const municipalities = p.municipalities ?? ['Utrecht'];
  if (municipalities.length)
    await db
      .insertInto('partner_municipalities')
      .values(
        municipalities.map((m) => ({ partner_id: id, municipality: m, municipality_key: m.toLowerCase() })),
      )
      .execute();
  const interventions = p.interventions ?? [];
  if (interventions.length)
    await db
      .insertInto('partner_interventions')
      .values(interventions.map((c) => ({ partner_id: id, intervention_code: c })))
      .execute();
  return id;
}

/** A contact that meets two referral criteria with parental stress: the engine advises an IMH team. */
export async function concerningContact(a: Actor, f: SeededFamily, date = '2026-02-20'): Promise<string> {
  const res = await a.client.post(`/api/families/${f.familyId}/contacts`, {
    childId: f.childId,
    type: 'consult',
    date,
    status: 'final',
    agreedBand: 'safe',
    cues: { parent_misses_child_stress: true, shared_enjoyment: true },
    factors: {
      parent_stress: { value: 'present', reportedBy: 'parent' },
      social_network_support: { value: 'present', reportedBy: 'parent' },
    },
    criteria: { regulation_problems_persistent: true, parent_worry_or_overload_persistent: true },
  });
  if (res.status !== 201) throw new Error(`contact failed: ${res.status} ${res.text}`);
  return String((res.json?.contact as { id?: string } | undefined)?.id);
}

export function ok(res: ApiResponse, status = 200): Record<string, unknown> {
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${res.text}`);
  return res.json ?? {};
}

export async function auditRows(db: Kysely<Database>, action: string) {
  return db
    .selectFrom('audit_log')
    .select(['action', 'outcome', 'basis', 'basis_detail', 'family_id', 'user_id', 'details_json'])
    .where('action', '=', action)
    .orderBy('seq')
    .execute();
}

/** Sessions that outlive the weeks a referral test moves the clock through (feedback due dates). */
export const LONG_SESSIONS = {
  session: { idleMinutes: 60 * 24 * 90, absoluteHours: 24 * 90, pendingMinutes: 10 },
};
