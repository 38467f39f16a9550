import type { PartnerRecord } from '../repositories/partners.ts';

export interface PartnerOut {
  id: string;
  name: string;
  kind: string;
  country: 'nl' | 'be';
  region: string;
  municipalities: string[];
  interventions: string[];
  address: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  /** How to register a family with this partner. */
  registration: {
    phone: string | null;
    email: string | null;
    /** The partner works in Nestwerk: a referral arrives in its intake queue. */
    viaNestwerk: boolean;
    nestwerkOrganisationId: string | null;
    note: string | null;
  };
  agreements: { feedbackDays: number | null; dataExchange: string | null };
  reachability: string | null;
  note: string | null;
  archivedAt: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** A social-map entry as it leaves the server: organisation data only, nothing about families. */
export function presentPartner(p: PartnerRecord): PartnerOut {
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
