import type { PortalSettings } from '@nestwerk/contract';
import { HttpError } from '../../http/errors.ts';
import { writeAudit } from '../shared/audit-trail.ts';
import type { RequestContext } from '../shared/context.ts';

export async function readPortalSettings(ctx: RequestContext): Promise<PortalSettings> {
  const row = await ctx.db
    .selectFrom('organisations')
    .select('portal_show_names')
    .where('id', '=', ctx.principal.organisationId)
    .executeTakeFirstOrThrow();
  return { showNamesToParents: Number(row.portal_show_names) === 1 };
}

/** Showing names to parents is the organisation's choice (its privacy statement), made by its application manager. */
export function savePortalSettings(ctx: RequestContext, body: PortalSettings): Promise<PortalSettings> {
  if (ctx.principal.role !== 'application_manager')
    throw new HttpError('forbidden', 'Only an application manager changes the portal settings.');
  return ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('organisations')
      .set({ portal_show_names: body.showNamesToParents ? 1 : 0 })
      .where('id', '=', ctx.principal.organisationId)
      .execute();
    await writeAudit(trx, ctx, {
      action: 'settings.portal',
      outcome: 'success',
      purpose: 'administration',
      basis: 'admin',
      basisDetail: null,
      familyId: null,
      personIds: [],
      details: { ...body },
    });
    return body;
  });
}
