import type { ContactWithAssessment, FamilyExport, FamilyRecord } from '@nestwerk/contract';

/**
 * Everything the FHIR export maps, already loaded and in the contract's shapes: the mapping is a pure function
 * of this, so the export, the transfer and the tests share it (and an import can be checked against it).
 */
export interface FhirFamilyInput {
  /** When the export was made: Bundle.timestamp and the Provenance's recorded time. */
  exportedAt: string;
  /** The organisation that holds the file; its region picks the profiles and the national identifier system. */
  organisation: { id: string; name: string; region: 'nl' | 'be' };
  family: FamilyRecord;
  contacts: ContactWithAssessment[];
  instrumentResponses: FamilyExport['instrumentResponses'];
  /** What the family file's referral summary leaves out: the child, the interventions asked for, the reason. */
  referralDetails: Record<
    string,
    {
      childId: string;
      interventions: string[];
      reasonText: string | null;
      /** The consent a referral on the consent basis rests on. */
      consentId: string | null;
    }
  >;
  /** Whole national identifiers (BSN or INSZ digits) by person id; the file itself only shows them masked. */
  nationalIds: Record<string, string>;
}
