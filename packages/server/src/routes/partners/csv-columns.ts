import { fromZodIssue, type PartnerIn, partnerIn } from '@nestwerk/contract';
import type { z } from 'zod';
import type { PartnerRecord } from '../../repositories/partners.ts';

/**
 * The social map as CSV: one partner per line, lists (municipalities, interventions) separated by `|`.
 * Export and import use the same columns, so an exported file can be edited and imported again (`id`
 * updates that partner; an empty `id` adds a new one).
 */
export const CSV_COLUMNS = [
  'id',
  'name',
  'kind',
  'country',
  'region',
  'municipalities',
  'interventions',
  'address',
  'phone',
  'email',
  'website',
  'intake_phone',
  'intake_email',
  'nestwerk_organisation_id',
  'registration_note',
  'feedback_days',
  'data_exchange',
  'reachability',
  'note',
] as const;

export type CsvColumn = (typeof CSV_COLUMNS)[number];

export const REQUIRED_COLUMNS: readonly CsvColumn[] = ['name', 'kind', 'country', 'region'];

export const LIST_SEPARATOR = '|';

/** Where a field of {@link partnerIn} comes from in the CSV, for naming the column in a rejection. */
const COLUMN_OF: Record<string, CsvColumn> = {
  name: 'name',
  kind: 'kind',
  country: 'country',
  region: 'region',
  municipalities: 'municipalities',
  interventions: 'interventions',
  address: 'address',
  phone: 'phone',
  email: 'email',
  website: 'website',
  'registration.phone': 'intake_phone',
  'registration.email': 'intake_email',
  'registration.nestwerkOrganisationId': 'nestwerk_organisation_id',
  'registration.note': 'registration_note',
  'agreements.feedbackDays': 'feedback_days',
  'agreements.dataExchange': 'data_exchange',
  reachability: 'reachability',
  note: 'note',
};

export function columnOf(path: ReadonlyArray<PropertyKey>): CsvColumn {
  const named = path.filter((p): p is string => typeof p === 'string').join('.');
  return COLUMN_OF[named] ?? 'name';
}

/** `reason` in English for logs and API clients; `code` and `params` as in an error body's field issues. */
export interface RowIssue {
  field: CsvColumn;
  reason: string;
  code: string;
  params?: Record<string, string | number>;
}

const blank = (v: string | undefined): string | undefined => {
  const t = v?.trim();
  return t ? t : undefined;
};

const list = (v: string | undefined): string[] =>
  (v ?? '')
    .split(LIST_SEPARATOR)
    .map((s) => s.trim())
    .filter((s) => s !== '');

/** One CSV row into the same input the API takes, validated by the same schema. */
export function rowToInput(
  cell: (c: CsvColumn) => string | undefined,
): { ok: true; value: PartnerIn } | { ok: false; issues: RowIssue[] } {
  const issues: RowIssue[] = [];
  const days = blank(cell('feedback_days'));
  let feedbackDays: number | undefined;
  if (days !== undefined) {
    if (/^\d{1,3}$/.test(days)) feedbackDays = Number(days);
    else
      issues.push({
        field: 'feedback_days',
        reason: 'must be a whole number of days (1–365)',
        code: 'whole_days',
        params: { max: 365 },
      });
  }
  const raw = {
    name: cell('name') ?? '',
    kind: blank(cell('kind')) ?? '',
    country: blank(cell('country'))?.toLowerCase() ?? '',
    region: cell('region') ?? '',
    municipalities: list(cell('municipalities')),
    interventions: list(cell('interventions')),
    address: blank(cell('address')),
    phone: blank(cell('phone')),
    email: blank(cell('email')),
    website: blank(cell('website')),
    registration: {
      phone: blank(cell('intake_phone')),
      email: blank(cell('intake_email')),
      nestwerkOrganisationId: blank(cell('nestwerk_organisation_id')),
      note: blank(cell('registration_note')),
    },
    agreements: { feedbackDays, dataExchange: blank(cell('data_exchange')) },
    reachability: blank(cell('reachability')),
    note: blank(cell('note')),
  };
  const parsed = partnerIn.safeParse(raw);
  if (!parsed.success) issues.push(...issuesOf(parsed.error));
  if (issues.length > 0 || !parsed.success) return { ok: false, issues: firstPerField(issues) };
  return { ok: true, value: parsed.data };
}

function issuesOf(error: z.ZodError): RowIssue[] {
  return error.issues.map((i) => ({ field: columnOf(i.path), reason: i.message, ...fromZodIssue(i) }));
}

function firstPerField(issues: RowIssue[]): RowIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    if (seen.has(i.field)) return false;
    seen.add(i.field);
    return true;
  });
}

export function recordToRow(p: PartnerRecord): string[] {
  const values: Record<CsvColumn, string> = {
    id: p.id,
    name: p.name,
    kind: p.kind,
    country: p.country,
    region: p.region,
    municipalities: p.municipalities.join(LIST_SEPARATOR),
    interventions: p.interventions.join(LIST_SEPARATOR),
    address: p.address ?? '',
    phone: p.phone ?? '',
    email: p.email ?? '',
    website: p.website ?? '',
    intake_phone: p.intake_phone ?? '',
    intake_email: p.intake_email ?? '',
    nestwerk_organisation_id: p.nestwerk_organisation_id ?? '',
    registration_note: p.registration_note ?? '',
    feedback_days: p.feedback_days === null ? '' : String(p.feedback_days),
    data_exchange: p.data_exchange ?? '',
    reachability: p.reachability ?? '',
    note: p.note ?? '',
  };
  return CSV_COLUMNS.map((c) => values[c]);
}
