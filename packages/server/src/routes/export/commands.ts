import type { FamilyExport } from '@nestwerk/contract';
import { presentFamilyExport } from '../../presenters/family-export.ts';
import { loadExportRows } from '../../repositories/family-export.ts';
import { loadFamilyFile } from '../../repositories/family-file.ts';
import { findOrganisation } from '../../repositories/organisations.ts';
import type { RequestContext } from '../shared/context.ts';
import { withFamily } from '../shared/family-guard.ts';
import { notFound } from '../shared/not-found.ts';

/** A parent's request to see their data: the whole record and its access history, audited as an export. */
export function exportFamily(ctx: RequestContext, familyId: string): Promise<FamilyExport> {
  return withFamily(
    ctx,
    { family: familyId, action: 'export', audit: 'export', purpose: 'parent_request' },
    async (trx) => {
      const [file, rows, organisation] = await Promise.all([
        loadFamilyFile(trx, familyId),
        loadExportRows(trx, familyId),
        findOrganisation(trx, ctx.principal.organisationId),
      ]);
      if (!file || !organisation) throw notFound();
      return {
        value: presentFamilyExport(file, rows, { at: ctx.at, today: ctx.today, organisation }),
        personIds: file.persons.map((p) => p.id),
        details: { contacts: rows.contacts.length },
      };
    },
  );
}
