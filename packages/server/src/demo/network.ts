import type { Insertable, Transaction } from 'kysely';
import type {
  Database,
  PartnerInterventionTable,
  PartnerMunicipalityTable,
  PartnerTable,
} from '../db/schema.ts';
import { PLACES } from './names.ts';
import { BE_PARTNERS, type DemoPartner, NL_PARTNERS } from './network-partners.ts';
import { demoId, Random } from './random.ts';
import type { StaffPlan } from './staff.ts';

/**
 * The demo social maps: one Dutch region (Veldland, around Utrecht) and one Flemish region
 * (Scheldeland, East Flanders), with the kinds of Thema 4 and seed 004. Each map has one IMH team that receives
 * via Nestwerk: IMH-netwerk Veldland (imh@demo.nestwerk.test) and the CGG's baby- en peuterteam in Scheldeland
 * (imh.be@demo.nestwerk.test).
 * Names, addresses and numbers are invented; e-mail addresses use the reserved .test domain.
 */

export interface DemoNetworkRows {
  partners: Insertable<PartnerTable>[];
  municipalities: Insertable<PartnerMunicipalityTable>[];
  interventions: Insertable<PartnerInterventionTable>[];
}

/** The rows of both demo social maps; deterministic for a seed. */
export function planDemoNetworks(staff: StaffPlan, seed: string, createdAt: string): DemoNetworkRows {
  const rng = new Random(`${seed}:network`);
  const createdMs = Date.parse(createdAt);
  const rows: DemoNetworkRows = { partners: [], municipalities: [], interventions: [] };
  const add = (owner: string, country: 'nl' | 'be', p: DemoPartner) => {
    // Drawn for every partner, so the other partners' ids stay as they were; the IMH team's id is planned with
    // the staff, for the consents the families' contacts record.
    const drawn = demoId(rng, createdMs);
    const id = p.viaNestwerk ? staff.imh[country].partnerId : drawn;
    rows.partners.push({
      id,
      organisation_id: owner,
      name: p.name,
      kind: p.kind,
      country,
      region: p.region,
      address: p.address ?? null,
      phone: p.intakePhone ?? null,
      email: null,
      website: null,
      intake_phone: p.intakePhone ?? null,
      intake_email: p.intakeEmail ?? null,
      nestwerk_organisation_id: p.viaNestwerk ? staff.imh[country].organisationId : null,
      registration_note: p.viaNestwerk
        ? 'Aanmelden in Nestwerk; het team ziet de aanmelding in zijn intakelijst.'
        : null,
      feedback_days: p.feedbackDays ?? null,
      data_exchange: p.dataExchange ?? null,
      reachability: p.reachability ?? null,
      note: null,
      archived_at: null,
      created_by: null,
      created_at: createdAt,
      updated_at: createdAt,
      version: 1,
    });
    for (const m of p.municipalities ?? PLACES[country].map(([name]) => name))
      rows.municipalities.push({ partner_id: id, municipality: m, municipality_key: m.toLowerCase() });
    for (const code of p.interventions ?? [])
      rows.interventions.push({ partner_id: id, intervention_code: code });
  };
  for (const p of NL_PARTNERS) add(staff.nl.organisationId, 'nl', p);
  for (const p of BE_PARTNERS) add(staff.be.organisationId, 'be', p);
  return rows;
}

export async function insertDemoNetworks(trx: Transaction<Database>, rows: DemoNetworkRows): Promise<void> {
  await trx.insertInto('partners').values(rows.partners).execute();
  await trx.insertInto('partner_municipalities').values(rows.municipalities).execute();
  await trx.insertInto('partner_interventions').values(rows.interventions).execute();
}
