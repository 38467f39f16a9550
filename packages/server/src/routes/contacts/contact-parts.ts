import type { ContactParts } from '../../presenters/contact.ts';
import { findAgreementByContact } from '../../repositories/agreements.ts';
import { findAssessmentByContact } from '../../repositories/assessments.ts';
import { findContact } from '../../repositories/contacts.ts';
import type { Db } from '../../repositories/db.ts';
import { listObservations } from '../../repositories/observations.ts';
import { userDisplayName } from '../../repositories/organisations.ts';
import { listParentFactors } from '../../repositories/parent-factors.ts';
import { notFound } from '../shared/not-found.ts';

/** A contact with everything recorded at it, as stored. */
export async function loadContactParts(db: Db, contactId: string): Promise<ContactParts> {
  const contact = await findContact(db, contactId);
  if (!contact) throw notFound();
  const [professionalName, observations, parentFactors, assessment, agreement] = await Promise.all([
    userDisplayName(db, contact.professional_id),
    listObservations(db, contactId),
    listParentFactors(db, contactId),
    findAssessmentByContact(db, contactId),
    findAgreementByContact(db, contactId),
  ]);
  return { contact, professionalName, observations, parentFactors, assessment, agreement };
}
