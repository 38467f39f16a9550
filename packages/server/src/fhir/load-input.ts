import { openNationalId } from '../db/national-id-seal.ts';
import type { SecretBox } from '../db/secrets.ts';
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

function nationalIdsOf(
  secrets: SecretBox,
  persons: Parameters<typeof openNationalId>[1][],
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of persons) {
    const opened = openNationalId(secrets, p);
    if (opened) out[p.id] = opened.value;
  }
  return out;
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
  /** Opens the sealed BSN/INSZ numbers, which the Bundle carries whole; without it they are left out. */
  secrets?: SecretBox,
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
      consentId: r.consent_id,
    };
  return {
    input: {
      exportedAt: clock.at,
      organisation,
      family: exported.family,
      contacts: exported.contacts,
      instrumentResponses: exported.instrumentResponses,
      referralDetails,
      nationalIds: secrets ? nationalIdsOf(secrets, file.persons) : {},
    },
    personIds: file.persons.map((p) => p.id),
  };
}
