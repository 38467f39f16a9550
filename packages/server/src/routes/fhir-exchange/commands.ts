import type { ImportResult } from '@nestwerk/contract';
import { importFamilyBundle } from '../../domain/family-import.ts';
import { holdsFamilyContent } from '../../policies/roles.ts';
import { requireRoleFor } from '../shared/audited.ts';
import type { RequestContext } from '../shared/context.ts';

/** Only the care professionals of the receiving organisation import: they take the family into their care. */
export async function importBundle(ctx: RequestContext, bundle: unknown): Promise<ImportResult> {
  await requireRoleFor(ctx, holdsFamilyContent, 'family.import');
  return importFamilyBundle(ctx, bundle);
}
