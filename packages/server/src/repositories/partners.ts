import { type Insertable, type Selectable, sql } from 'kysely';
import type { PartnerTable } from '../db/schema.ts';
import { count, type Db, flag, updatedOne } from './db.ts';

export type PartnerRow = Selectable<PartnerTable>;
export type PartnerPatch = Partial<
  Omit<PartnerTable, 'id' | 'organisation_id' | 'created_by' | 'created_at' | 'version'>
>;

/** A partner with its municipalities and the interventions it offers. */
export interface PartnerRecord extends PartnerRow {
  municipalities: string[];
  interventions: string[];
}

/** `%` and `_` typed by a user are literal characters, not wildcards. */
export function likePattern(q: string): string {
  return `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export const municipalityKey = (m: string): string => m.trim().toLowerCase();

export async function insertPartner(
  db: Db,
  row: Insertable<PartnerTable>,
  municipalities: readonly string[],
  interventions: readonly string[],
): Promise<void> {
  await db.insertInto('partners').values(row).execute();
  await writeLists(db, row.id, municipalities, interventions);
}

async function writeLists(
  db: Db,
  partnerId: string,
  municipalities: readonly string[],
  interventions: readonly string[],
): Promise<void> {
  const byKey = new Map(municipalities.map((m) => [municipalityKey(m), m.trim()]));
  if (byKey.size > 0)
    await db
      .insertInto('partner_municipalities')
      .values(
        [...byKey].map(([key, m]) => ({ partner_id: partnerId, municipality: m, municipality_key: key })),
      )
      .execute();
  const codes = [...new Set(interventions)];
  if (codes.length > 0)
    await db
      .insertInto('partner_interventions')
      .values(codes.map((code) => ({ partner_id: partnerId, intervention_code: code })))
      .execute();
}

export async function replacePartnerLists(
  db: Db,
  partnerId: string,
  lists: { municipalities?: readonly string[]; interventions?: readonly string[] },
): Promise<void> {
  if (lists.municipalities) {
    await db.deleteFrom('partner_municipalities').where('partner_id', '=', partnerId).execute();
    await writeLists(db, partnerId, lists.municipalities, []);
  }
  if (lists.interventions) {
    await db.deleteFrom('partner_interventions').where('partner_id', '=', partnerId).execute();
    await writeLists(db, partnerId, [], lists.interventions);
  }
}

/** Optimistic lock: false when `version` is stale. */
export async function updatePartner(
  db: Db,
  id: string,
  version: number,
  patch: PartnerPatch,
  now: string,
): Promise<boolean> {
  const result = await db
    .updateTable('partners')
    .set((eb) => ({ ...patch, updated_at: now, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return updatedOne(result);
}

/** A partner of this organisation's social map; another organisation's partner does not exist here. */
export function findPartner(db: Db, organisationId: string, id: string): Promise<PartnerRow | undefined> {
  return db
    .selectFrom('partners')
    .selectAll()
    .where('id', '=', id)
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
}

export async function withLists(db: Db, rows: readonly PartnerRow[]): Promise<PartnerRecord[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [municipalities, interventions] = await Promise.all([
    db
      .selectFrom('partner_municipalities')
      .select(['partner_id', 'municipality'])
      .where('partner_id', 'in', ids)
      .orderBy('partner_id')
      .orderBy('municipality_key')
      .execute(),
    db
      .selectFrom('partner_interventions')
      .select(['partner_id', 'intervention_code'])
      .where('partner_id', 'in', ids)
      .orderBy('partner_id')
      .orderBy('intervention_code')
      .execute(),
  ]);
  const group = <T>(items: T[], key: (t: T) => string, value: (t: T) => string) => {
    const map = new Map<string, string[]>();
    for (const item of items) {
      const list = map.get(key(item));
      if (list) list.push(value(item));
      else map.set(key(item), [value(item)]);
    }
    return map;
  };
  const m = group(
    municipalities,
    (r) => r.partner_id,
    (r) => r.municipality,
  );
  const i = group(
    interventions,
    (r) => r.partner_id,
    (r) => r.intervention_code,
  );
  return rows.map((r) => ({ ...r, municipalities: m.get(r.id) ?? [], interventions: i.get(r.id) ?? [] }));
}

export async function loadPartner(
  db: Db,
  organisationId: string,
  id: string,
): Promise<PartnerRecord | undefined> {
  const row = await findPartner(db, organisationId, id);
  return row ? (await withLists(db, [row]))[0] : undefined;
}

export interface PartnerQuery {
  organisationId: string;
  country?: 'nl' | 'be' | undefined;
  region?: string | undefined;
  municipality?: string | undefined;
  kind?: string | undefined;
  /** Partners offering at least one of these. */
  interventions?: readonly string[] | undefined;
  text?: string | undefined;
  includeArchived?: boolean;
  /** Partners serving this municipality come first (referral options). */
  preferMunicipality?: string | null;
  offset: number;
  limit: number;
}

export interface PartnerHit {
  row: PartnerRow;
  /** Serves the preferred municipality. */
  local: boolean;
  /** How many of the asked interventions it offers. */
  matches: number;
}

/** One page of a social map, filtered in SQL, with the total in the same query (a window count). */
export async function searchPartners(
  db: Db,
  query: PartnerQuery,
): Promise<{ hits: PartnerHit[]; total: number }> {
  const codes = query.interventions ?? [];
  const prefer = query.preferMunicipality ? municipalityKey(query.preferMunicipality) : null;
  let q = db
    .selectFrom('partners as p')
    .selectAll('p')
    .select((eb) => [
      prefer === null
        ? sql<number>`0`.as('is_local')
        : eb
            .exists(
              eb
                .selectFrom('partner_municipalities as pm')
                .select('pm.partner_id')
                .whereRef('pm.partner_id', '=', 'p.id')
                .where('pm.municipality_key', '=', prefer),
            )
            .as('is_local'),
      codes.length === 0
        ? sql<number>`0`.as('match_count')
        : eb
            .selectFrom('partner_interventions as pi')
            .select((e) => e.fn.countAll<number | string>().as('n'))
            .whereRef('pi.partner_id', '=', 'p.id')
            .where('pi.intervention_code', 'in', [...codes])
            .as('match_count'),
      eb.fn.countAll<number | string>().over().as('total'),
    ])
    .where('p.organisation_id', '=', query.organisationId);
  if (!query.includeArchived) q = q.where('p.archived_at', 'is', null);
  if (query.country) q = q.where('p.country', '=', query.country);
  if (query.kind) q = q.where('p.kind', '=', query.kind);
  if (query.region) q = q.where(sql<boolean>`lower(p.region) = ${query.region.trim().toLowerCase()}`);
  if (query.municipality) {
    const key = municipalityKey(query.municipality);
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('partner_municipalities as m')
          .select('m.partner_id')
          .whereRef('m.partner_id', '=', 'p.id')
          .where('m.municipality_key', '=', key),
      ),
    );
  }
  if (codes.length > 0)
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('partner_interventions as i')
          .select('i.partner_id')
          .whereRef('i.partner_id', '=', 'p.id')
          .where('i.intervention_code', 'in', [...codes]),
      ),
    );
  const text = query.text?.trim();
  if (text) {
    const pattern = likePattern(text);
    q = q.where((eb) =>
      eb.or([
        eb(sql`lower(p.name)`, 'like', sql`${pattern} escape '\\'`),
        eb(sql`lower(p.region)`, 'like', sql`${pattern} escape '\\'`),
        eb(sql`lower(coalesce(p.note, ''))`, 'like', sql`${pattern} escape '\\'`),
        eb.exists(
          eb
            .selectFrom('partner_municipalities as t')
            .select('t.partner_id')
            .whereRef('t.partner_id', '=', 'p.id')
            .where(sql<boolean>`t.municipality_key like ${pattern} escape '\\'`),
        ),
      ]),
    );
  }
  const rows = await q
    .orderBy(sql.ref('is_local'), 'desc')
    .orderBy(sql.ref('match_count'), 'desc')
    .orderBy(sql`lower(p.name)`)
    .orderBy('p.id')
    .offset(query.offset)
    .limit(query.limit)
    .execute();
  let total = rows[0] ? count(rows[0].total) : 0;
  if (!rows[0] && query.offset > 0) {
    const all = await searchPartners(db, { ...query, offset: 0, limit: 1 });
    total = all.total;
  }
  return {
    hits: rows.map(({ is_local, match_count, total: _total, ...row }) => ({
      row,
      local: flag(is_local as number | boolean),
      matches: count(match_count),
    })),
    total,
  };
}

/** Every partner of a social map, for the CSV export, in a stable order. */
export async function listAllPartners(db: Db, organisationId: string): Promise<PartnerRecord[]> {
  const rows = await db
    .selectFrom('partners')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('archived_at', 'is', null)
    .orderBy('name')
    .orderBy('id')
    .execute();
  return withLists(db, rows);
}

/** Organisations on Nestwerk that can receive referrals (kind 'partner'). */
export function findReceivingOrganisation(
  db: Db,
  id: string,
): Promise<{ id: string; name: string; region: 'nl' | 'be' } | undefined> {
  return db
    .selectFrom('organisations')
    .select(['id', 'name', 'region'])
    .where('id', '=', id)
    .where('kind', '=', 'partner')
    .executeTakeFirst();
}
