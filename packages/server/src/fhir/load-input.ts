import { presentFamilyExport } from '../presenters/family-export.ts';
import type { Db } from '../repositories/db.ts';
import { loadExportRows } from '../repositories/family-export.ts';
import { loadFamilyFile } from '../repositories/family-file.ts';
import { findOrganisation } from '../repositories/organisations.ts';
import type { FhirFamilyInput } from './input.ts';

/** A JSON list of codes written by this server; anything else reads as none rather than failing the export. */
function codeList(json: string): string[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

/**
 * Everything the FHIR mapping needs for one family, in the contract's shapes (the same presenters as the
 * parents' export), plus what those leave out. Undefined when the family does not exist. The organisation is
 * the family's own, which decides the region, profiles and identifier system.
 */
export async function loadFhirInput(
  db: Db,
  familyId: string,
  clock: { at: string; today: string },
): Promise<{ input: FhirFamilyInput; personIds: string[] } | undefined> {
  const file = await loadFamilyFile(db, familyId);
  if (!file) return undefined;
  const [rows, organisation] = await Promise.all([
    loadExportRows(db, familyId, { access: false }),
    findOrganisation(db, file.family.organisation_id),
  ]);
  if (!organisation) return undefined;
  const exported = presentFamilyExport(file, rows, { ...clock, organisation });
  const referralDetails: FhirFamilyInput['referralDetails'] = {};
  for (const r of file.network.referrals)
    referralDetails[r.id] = {
      childId: r.child_id,
      interventions: codeList(r.interventions_json),
      reasonText: r.reason_text,
    };
  return {
    input: {
      exportedAt: clock.at,
      organisation,
      family: exported.family,
      contacts: exported.contacts,
      instrumentResponses: exported.instrumentResponses,
      referralDetails,
      nationalIds: {},
    },
    personIds: file.persons.map((p) => p.id),
  };
}
