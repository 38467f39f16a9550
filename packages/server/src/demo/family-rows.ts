import type { Insertable } from 'kysely';
import type {
  AgreementTable,
  AssessmentTable,
  CareRelationshipTable,
  ConsentTable,
  ContactTable,
  FamilyTable,
  ObservationTable,
  PersonTable,
  SafetyRouteStepTable,
  SafetyRouteTable,
} from '../db/schema.ts';
import type { CuratedCase } from './household.ts';

export interface FamilyRows {
  /** Set for the perinatal showcase families. */
  curated: CuratedCase | null;
  family: Insertable<FamilyTable>;
  persons: Insertable<PersonTable>[];
  careRelationships: Insertable<CareRelationshipTable>[];
  contacts: Insertable<ContactTable>[];
  observations: Insertable<ObservationTable>[];
  assessments: Insertable<AssessmentTable>[];
  agreements: Insertable<AgreementTable>[];
  consents: Insertable<ConsentTable>[];
  /** Started at contacts with safety signals (safety-routes.ts). */
  safetyRoutes: Insertable<SafetyRouteTable>[];
  safetyRouteSteps: Insertable<SafetyRouteStepTable>[];
}
