import type { Partner } from '@nestwerk/contract';
import type { PartnerRecord } from '../repositories/partners.ts';

/** A social-map entry as it leaves the server: organisation data only, nothing about families. */
export function presentPartner(p: PartnerRecord): Partner {
  return {
    id: p.id,
    name: p.name,
    kind: p.kind,
    country: p.country,
    region: p.region,
    municipalities: p.municipalities,
    interventions: p.interventions,
    address: p.address,
    phone: p.phone,
    email: p.email,
    website: p.website,
    registration: {
      phone: p.intake_phone,
      email: p.intake_email,
      viaNestwerk: p.nestwerk_organisation_id !== null,
      nestwerkOrganisationId: p.nestwerk_organisation_id,
      note: p.registration_note,
    },
    agreements: { feedbackDays: p.feedback_days, dataExchange: p.data_exchange },
    reachability: p.reachability,
    note: p.note,
    archivedAt: p.archived_at,
    createdAt: p.created_at,
    updatedAt: p.updated_at,
    version: p.version,
  };
}
