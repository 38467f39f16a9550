import { recoverableCells, recoverableInLinkedTables } from '@nestwerk/engine';
import type { Kysely } from 'kysely';
import { v7 as uuid } from 'uuid';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Band, Database } from '../../db/schema.ts';
import { startTestServer, type TestServer } from '../../http/test-server.ts';
import { refreshDashboardCounts } from '../../repositories/dashboard-counts.ts';
import { forEachDatabase } from '../../testing/databases.ts';
import { type Actor, actor, createOrg, lastAudit, type Org, seedFamily } from '../../testing/world.ts';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

interface Cell {
  column: string;
  count: number | null;
  suppressed: boolean;
}
interface Table {
  id: string;
  columns: string[];
  rows: Array<{ key: string; cells: Cell[]; total: Omit<Cell, 'column'>; rate?: number | null }>;
  columnTotals: Cell[];
  grandTotal: Omit<Cell, 'column'>;
}

/** Every count in an answer: none may lie between 1 and 9. */
function counts(tables: Table[]): number[] {
  return tables
    .flatMap((t) => [
      ...t.rows.flatMap((r) => [...r.cells.map((c) => c.count), r.total.count]),
      ...t.columnTotals.map((c) => c.count),
      t.grandTotal.count,
    ])
    .filter((c): c is number => c !== null);
}

/** A family with one child seen at a final consult on `date`, its relationship assessed in `band`. */
async function assessedFamily(
  db: Kysely<Database>,
  org: Org,
  by: string,
  municipality: string,
  date: string,
  band: Band,
): Promise<void> {
  const f = await seedFamily(db, org.organisationId, by);
  await db.updateTable('families').set({ municipality }).where('id', '=', f.familyId).execute();
  const contactId = uuid();
  const at = `${date}T10:00:00.000Z`;
  await db
    .insertInto('contacts')
    .values({
      id: contactId,
      family_id: f.familyId,
      child_id: f.childId,
      professional_id: by,
      type: 'consult',
      date,
      child_age_months: 7,
      gestation_weeks: null,
      status: 'final',
      notes: null,
      created_at: at,
      updated_at: at,
      version: 1,
    })
    .execute();
  await db
    .insertInto('assessments')
    .values({
      id: uuid(),
      contact_id: contactId,
      family_id: f.familyId,
      knowledge_version: 'test',
      input_json: '{}',
      result_json: '{}',
      suggested_band: band,
      agreed_band: null,
      agreed_note: null,
      cumulative_risk: band === 'problematic_suspected' ? 1 : 0,
      refer_outside: 0,
      safety_concern: 0,
      created_at: at,
    })
    .execute();
}

forEachDatabase('dashboard API', (current) => {
  let server: TestServer;
  let org: Org;
  let analyst: Actor;
  let nurse: Actor;

  beforeAll(async () => {
    const db = current().db;
    server = await startTestServer({ db, dialect: current().dialect });
    org = await createOrg(db, { name: 'GGD Dashboard' });
    analyst = await actor(server, db, org, 'analyst');
    nurse = await actor(server, db, org, 'nurse');
    // Utrecht: 14 safe, 12 insecure, 3 problematic; Amersfoort: 4 safe — small counts everywhere to hide.
    for (let i = 0; i < 14; i++) await assessedFamily(db, org, nurse.id, 'Utrecht', '2026-02-10', 'safe');
    for (let i = 0; i < 12; i++) await assessedFamily(db, org, nurse.id, 'Utrecht', '2026-02-11', 'insecure');
    for (let i = 0; i < 3; i++)
      await assessedFamily(db, org, nurse.id, 'Utrecht', '2026-03-01', 'problematic_suspected');
    for (let i = 0; i < 4; i++) await assessedFamily(db, org, nurse.id, 'Amersfoort', '2026-01-20', 'safe');
    await refreshDashboardCounts(db, '2026-04-01T00:00:00.000Z');
  });
  afterAll(async () => {
    await server?.close();
  });

  it('publishes fixed-quarter tables with no count from 1 to 9 and no id, and audits the read', async () => {
    const res = await analyst.client.get('/api/dashboard?region=nl&from=2026-01&to=2026-03');
    expect(res.status, res.text).toBe(200);
    expect(res.text).not.toMatch(UUID);
    const body = res.json as { periods: string[]; tables: Table[]; minCount: number };
    expect(body.periods).toEqual(['2026-Q1']);
    expect(body.minCount).toBe(10);
    const signals = body.tables.find((t) => t.id === 'signals:2026-Q1');
    expect(signals?.rows.map((r) => r.key)).toEqual(['Amersfoort', 'Utrecht']);
    const all = counts(body.tables);
    expect(all.length).toBeGreaterThan(0);
    expect(all.filter((c) => c >= 1 && c <= 9)).toEqual([]);
    // No hidden cell follows from the published cells and totals (linear algebra, in the engine), within a
    // table or over the tables that share their row totals.
    const asPublished = (t: Table) => ({
      rows: t.rows.map((r) => r.key),
      columns: t.columns,
      cells: t.rows.map((r) => r.cells.map(({ count, suppressed }) => ({ count, suppressed }))),
      rowTotals: t.rows.map((r) => r.total),
      columnTotals: t.columnTotals.map(({ count, suppressed }) => ({ count, suppressed })),
      grandTotal: t.grandTotal,
    });
    for (const t of body.tables) expect(recoverableCells(asPublished(t)), t.id).toEqual([]);
    const linked = ['reach', 'signals', 'cumulative_risk'].map((id) =>
      asPublished(body.tables.find((t) => t.id === `${id}:2026-Q1`) as Table),
    );
    expect(recoverableInLinkedTables(linked)).toEqual([]);
    // The small Amersfoort row is hidden; its total too, or it could be read off the column totals.
    const amersfoort = signals?.rows.find((r) => r.key === 'Amersfoort');
    expect(amersfoort?.cells.find((c) => c.column === 'safe')).toMatchObject({
      count: null,
      suppressed: true,
    });
    expect(await lastAudit(current().db, analyst.id)).toMatchObject({
      action: 'dashboard.read',
      outcome: 'success',
      family_id: null,
    });
  });

  it('shows the same quarter the same way whatever range was asked for', async () => {
    const narrow = (await analyst.client.get('/api/dashboard?region=nl&from=2026-02&to=2026-02')).json as {
      tables: Table[];
    };
    const wide = (await analyst.client.get('/api/dashboard?region=nl&from=2025-07&to=2026-06')).json as {
      periods: string[];
      tables: Table[];
    };
    expect(wide.periods).toEqual(['2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2']);
    const q1 = (t: { tables: Table[] }) => t.tables.filter((x) => x.id.endsWith(':2026-Q1'));
    expect(q1(wide)).toEqual(q1(narrow));
  });

  it('exports the same published figures as CSV, audited', async () => {
    const res = await analyst.client.get('/api/dashboard/export?region=nl&from=2026-01&to=2026-03');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/csv/);
    const lines = res.text.trim().split(/\r?\n/);
    expect(lines[0]).toBe('indicator,period,row,column,count,suppressed,days');
    const countColumn = lines.slice(1).map((l) => l.split(',')[4]);
    expect(countColumn.filter((c) => /^[1-9]$/.test(c ?? ''))).toEqual([]);
    expect(lines).toContain('signals,2026-Q1,Amersfoort,safe,,1,');
    expect(res.text).not.toMatch(UUID);
    expect(await lastAudit(current().db, analyst.id)).toMatchObject({ action: 'dashboard.export' });
  });

  it('is refused to care roles, audited', async () => {
    const res = await nurse.client.get('/api/dashboard');
    expect(res.status).toBe(403);
    expect(await lastAudit(current().db, nurse.id)).toMatchObject({
      action: 'access.denied',
      outcome: 'denied',
    });
  });

  it('names the field of a bad filter', async () => {
    expect((await analyst.client.get('/api/dashboard?region=de')).json).toMatchObject({ field: 'region' });
    expect((await analyst.client.get('/api/dashboard?from=2026-13')).json).toMatchObject({ field: 'from' });
    const reversed = await analyst.client.get('/api/dashboard?from=2026-05&to=2026-01');
    expect(reversed.status).toBe(400);
    expect(reversed.json).toMatchObject({ field: 'to' });
    const long = await analyst.client.get('/api/dashboard?from=2020-01&to=2026-01');
    expect(long.status).toBe(400);
    expect(long.json).toMatchObject({ field: 'from' });
  });
});
