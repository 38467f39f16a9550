import type { CareNetwork, CareNetworkMember } from '@nestwerk/contract';
import type { CareNetworkMemberRow } from '../repositories/care-network.ts';
import { flag } from '../repositories/db.ts';

export function presentCareNetworkMember(m: CareNetworkMemberRow): CareNetworkMember {
  return {
    id: m.id,
    name: m.name,
    role: m.role,
    organisation: m.organisation,
    partnerId: m.partner_id,
    userId: m.user_id,
    phone: m.phone,
    email: m.email,
    coordinator: flag(m.coordinator),
    note: m.note,
    createdAt: m.created_at,
    updatedAt: m.updated_at,
    version: m.version,
  };
}

export function presentCareNetwork(rows: readonly CareNetworkMemberRow[]): CareNetwork {
  const members = rows.map(presentCareNetworkMember);
  return { members, coordinatorId: members.find((m) => m.coordinator)?.id ?? null };
}
