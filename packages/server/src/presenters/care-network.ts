import type { CareNetworkMemberRow } from '../repositories/care-network.ts';
import { flag } from '../repositories/db.ts';

export interface CareNetworkMemberOut {
  id: string;
  name: string;
  role: string;
  organisation: string | null;
  partnerId: string | null;
  userId: string | null;
  phone: string | null;
  email: string | null;
  coordinator: boolean;
  note: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export function presentCareNetworkMember(m: CareNetworkMemberRow): CareNetworkMemberOut {
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

export interface CareNetworkOut {
  members: CareNetworkMemberOut[];
  coordinatorId: string | null;
}

export function presentCareNetwork(rows: readonly CareNetworkMemberRow[]): CareNetworkOut {
  const members = rows.map(presentCareNetworkMember);
  return { members, coordinatorId: members.find((m) => m.coordinator)?.id ?? null };
}
