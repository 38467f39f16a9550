import type { PartnerIn } from '@nestwerk/contract';
import { knowledge, type PartnerKindCode } from '@nestwerk/knowledge';
import type { Insertable } from 'kysely';
import type { PartnerTable } from '../../db/schema.ts';
import { HttpError } from '../../http/errors.ts';
import type { Db } from '../../repositories/db.ts';
import { findReceivingOrganisation } from '../../repositories/partners.ts';

const kindRegions = new Map(knowledge.partnerKinds.map((k) => [k.code, k.regions]));

/** A Dutch service does not exist in Flanders under that name, and the other way round. */
export function kindFitsCountry(kind: PartnerKindCode, country: 'nl' | 'be'): boolean {
  return kindRegions.get(kind)?.includes(country) ?? false;
}

export const kindCountryMessage = (kind: string, country: string): string =>
  `A partner of kind ${kind} does not exist in ${country === 'nl' ? 'the Netherlands' : 'Flanders'}; choose a kind of that region.`;

/** Checks what a schema cannot: region of the kind, and that "via Nestwerk" names a receiving organisation. */
export async function checkPartner(
  db: Db,
  p: { kind: PartnerKindCode; country: 'nl' | 'be'; nestwerkOrganisationId: string | null },
  fields: { kind: string; nestwerk: string },
): Promise<void> {
  if (!kindFitsCountry(p.kind, p.country))
    throw new HttpError('invalid_input', kindCountryMessage(p.kind, p.country), fields.kind).because(
      'kind_region',
    );
  if (p.nestwerkOrganisationId !== null && !(await findReceivingOrganisation(db, p.nestwerkOrganisationId)))
    throw new HttpError(
      'invalid_input',
      'This organisation is not on Nestwerk as a partner that receives referrals.',
      fields.nestwerk,
    ).because('not_receiving');
}

export function partnerRow(
  input: PartnerIn,
  ids: { id: string; organisationId: string; userId: string },
  at: string,
): Insertable<PartnerTable> {
  return {
    id: ids.id,
    organisation_id: ids.organisationId,
    name: input.name,
    kind: input.kind,
    country: input.country,
    region: input.region,
    address: input.address ?? null,
    phone: input.phone ?? null,
    email: input.email ?? null,
    website: input.website ?? null,
    intake_phone: input.registration.phone ?? null,
    intake_email: input.registration.email ?? null,
    nestwerk_organisation_id: input.registration.nestwerkOrganisationId ?? null,
    registration_note: input.registration.note ?? null,
    feedback_days: input.agreements.feedbackDays ?? null,
    data_exchange: input.agreements.dataExchange ?? null,
    reachability: input.reachability ?? null,
    note: input.note ?? null,
    archived_at: null,
    created_by: ids.userId,
    created_at: at,
    updated_at: at,
    version: 1,
  };
}
