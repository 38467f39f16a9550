import type { ImportIn, PartnerIn } from '@nestwerk/contract';
import { v7 as uuid } from 'uuid';
import { z } from 'zod';
import { HttpError } from '../../http/errors.ts';
import { CsvError, type CsvRecord, parseCsv, writeCsv } from '../../network/csv.ts';
import { managesSocialMap } from '../../policies/referrals.ts';
import type { Db } from '../../repositories/db.ts';
import {
  findReceivingOrganisation,
  insertPartner,
  listAllPartners,
  replacePartnerLists,
} from '../../repositories/partners.ts';
import { readAudited, requireRoleFor, writeAudited } from '../shared/audited.ts';
import type { RequestContext } from '../shared/context.ts';
import {
  CSV_COLUMNS,
  type CsvColumn,
  REQUIRED_COLUMNS,
  type RowIssue,
  recordToRow,
  rowToInput,
} from './csv-columns.ts';
import { kindCountryMessage, kindFitsCountry, partnerRow } from './rows.ts';

export const MAX_IMPORT_ROWS = 5_000;

export interface Rejection {
  line: number;
  field: CsvColumn | 'row';
  reason: string;
  code: string;
  params?: Record<string, string | number>;
}

export interface ImportReport {
  dryRun: boolean;
  imported: number;
  created: number;
  updated: number;
  rejected: Rejection[];
}

interface GoodRow {
  line: number;
  id: string | null;
  input: PartnerIn;
}

function header(record: CsvRecord | undefined): Map<CsvColumn, number> {
  if (!record)
    throw new HttpError('invalid_input', 'The file is empty: it needs a header line.', 'csv').because(
      'csv_empty',
    );
  const known: ReadonlySet<string> = new Set(CSV_COLUMNS);
  const index = new Map<CsvColumn, number>();
  record.cells.forEach((raw, i) => {
    const name = raw.trim().toLowerCase();
    if (!known.has(name))
      throw new HttpError(
        'invalid_input',
        `Unknown column "${name.slice(0, 40)}" on line 1. The columns are: ${CSV_COLUMNS.join(', ')}.`,
        'csv',
      ).because('csv_unknown_column', { column: name.slice(0, 40) });
    if (index.has(name as CsvColumn))
      throw new HttpError('invalid_input', `Column "${name}" appears twice on line 1.`, 'csv').because(
        'csv_duplicate_column',
        { column: name },
      );
    index.set(name as CsvColumn, i);
  });
  const missing = REQUIRED_COLUMNS.filter((c) => !index.has(c));
  if (missing.length > 0)
    throw new HttpError(
      'invalid_input',
      `Line 1 lacks the required column(s): ${missing.join(', ')}.`,
      'csv',
    ).because('csv_missing_columns', { columns: missing.join(', ') });
  return index;
}

function parse(csv: string): CsvRecord[] {
  try {
    return parseCsv(csv);
  } catch (err) {
    if (err instanceof CsvError)
      throw new HttpError(
        'invalid_input',
        `The CSV cannot be read at line ${err.line}: ${err.message}.`,
        'csv',
      ).because('csv_unreadable', { line: err.line });
    throw err;
  }
}

const uuidSchema = z.uuid();

/**
 * Validates every row; imports the good ones in one transaction; reports each rejected row with its line,
 * the column at fault and why. A dry run reports without writing.
 */
export async function importPartners(ctx: RequestContext, body: ImportIn): Promise<ImportReport> {
  await requireRoleFor(ctx, managesSocialMap, 'partner.import');
  const records = parse(body.csv);
  const index = header(records[0]);
  const rows = records.slice(1);
  if (rows.length > MAX_IMPORT_ROWS)
    throw new HttpError('invalid_input', `At most ${MAX_IMPORT_ROWS} partners per file.`, 'csv').because(
      'too_many',
      { max: MAX_IMPORT_ROWS },
    );

  const orgId = ctx.principal.organisationId;
  const existing = new Set(
    (await ctx.db.selectFrom('partners').select('id').where('organisation_id', '=', orgId).execute()).map(
      (r) => r.id,
    ),
  );
  const receiving = new Map<string, boolean>();
  const isReceiving = async (db: Db, id: string) => {
    const known = receiving.get(id);
    if (known !== undefined) return known;
    const found = (await findReceivingOrganisation(db, id)) !== undefined;
    receiving.set(id, found);
    return found;
  };

  const rejected: Rejection[] = [];
  const good: GoodRow[] = [];
  const seenIds = new Set<string>();
  for (const record of rows) {
    const reject = (issues: Array<RowIssue | Rejection>) => {
      for (const i of issues)
        rejected.push({
          line: record.line,
          field: i.field,
          reason: i.reason,
          code: i.code,
          ...(i.params ? { params: i.params } : {}),
        });
    };
    if (record.cells.length !== index.size) {
      reject([
        {
          line: record.line,
          field: 'row',
          reason: `has ${record.cells.length} fields; the header has ${index.size}`,
          code: 'csv_row_fields',
          params: { found: record.cells.length, expected: index.size },
        },
      ]);
      continue;
    }
    const cell = (c: CsvColumn) => {
      const i = index.get(c);
      return i === undefined ? undefined : record.cells[i];
    };
    const parsed = rowToInput(cell);
    const issues: RowIssue[] = parsed.ok ? [] : [...parsed.issues];
    const rawId = cell('id')?.trim() || null;
    if (rawId !== null) {
      if (!uuidSchema.safeParse(rawId).success)
        issues.push({
          field: 'id',
          reason: 'must be the id of a partner (from an export) or empty',
          code: 'csv_partner_id',
        });
      else if (!existing.has(rawId))
        issues.push({
          field: 'id',
          reason: 'no partner with this id on your social map',
          code: 'csv_partner_unknown',
        });
      else if (seenIds.has(rawId))
        issues.push({
          field: 'id',
          reason: 'this partner appears more than once in the file',
          code: 'csv_partner_repeated',
        });
    }
    if (parsed.ok) {
      const v = parsed.value;
      if (!kindFitsCountry(v.kind, v.country))
        issues.push({ field: 'kind', reason: kindCountryMessage(v.kind, v.country), code: 'kind_region' });
      const org = v.registration.nestwerkOrganisationId;
      if (org !== undefined && !(await isReceiving(ctx.db, org)))
        issues.push({
          field: 'nestwerk_organisation_id',
          reason: 'not an organisation on Nestwerk that receives referrals',
          code: 'not_receiving',
        });
    }
    if (issues.length > 0 || !parsed.ok) {
      reject(issues);
      continue;
    }
    if (rawId !== null) seenIds.add(rawId);
    good.push({ line: record.line, id: rawId, input: parsed.value });
  }

  const created = good.filter((g) => g.id === null).length;
  const report: ImportReport = {
    dryRun: body.dryRun,
    imported: good.length,
    created,
    updated: good.length - created,
    rejected,
  };
  if (body.dryRun || good.length === 0) return report;
  return writeAudited(
    ctx,
    { audit: 'partner.import', purpose: 'administration', basis: 'admin' },
    async (trx) => {
      for (const row of good) await writeRow(trx, ctx, row);
      return {
        value: report,
        details: {
          created,
          updated: report.updated,
          rejectedLines: [...new Set(rejected.map((r) => r.line))],
        },
      };
    },
  );
}

async function writeRow(trx: Db, ctx: RequestContext, row: GoodRow): Promise<void> {
  const { principal } = ctx;
  if (row.id === null) {
    const values = partnerRow(
      row.input,
      { id: uuid(), organisationId: principal.organisationId, userId: principal.userId },
      ctx.at,
    );
    await insertPartner(trx, values, row.input.municipalities, row.input.interventions);
    return;
  }
  const {
    id: _id,
    organisation_id: _o,
    created_by: _c,
    created_at: _a,
    version: _v,
    ...fields
  } = partnerRow(
    row.input,
    { id: row.id, organisationId: principal.organisationId, userId: principal.userId },
    ctx.at,
  );
  await trx
    .updateTable('partners')
    .set((eb) => ({ ...fields, archived_at: null, updated_at: ctx.at, version: eb('version', '+', 1) }))
    .where('id', '=', row.id)
    .where('organisation_id', '=', principal.organisationId)
    .execute();
  await replacePartnerLists(trx, row.id, {
    municipalities: row.input.municipalities,
    interventions: row.input.interventions,
  });
}

/** The social map as CSV in the import's columns; audited like every bulk read by an administrator. */
export async function exportPartners(ctx: RequestContext): Promise<string> {
  await requireRoleFor(ctx, managesSocialMap, 'partner.export');
  return readAudited(
    ctx,
    { audit: 'partner.export', purpose: 'administration', basis: 'admin' },
    async (trx) => {
      const partners = await listAllPartners(trx, ctx.principal.organisationId);
      return {
        value: writeCsv(CSV_COLUMNS, partners.map(recordToRow)),
        details: { partners: partners.length },
      };
    },
  );
}
