import { type ApiClient, api, query } from './client.ts';

/** Issue 5 (network and referral), restated from docs/api.md "Network and referral". */
export interface Partner {
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
  registration: {
    phone: string | null;
    email: string | null;
    viaNestwerk: boolean;
    nestwerkOrganisationId: string | null;
    note: string | null;
  };
  agreements: { feedbackDays: number | null; dataExchange: string | null };
  reachability: string | null;
  note: string | null;
  archivedAt: string | null;
  version: number;
}

export interface PartnerKind {
  code: string;
  sector: string;
  regions: string[];
  label: { nl: string; en: string; nlBE?: string };
}

export interface ImportResult {
  dryRun: boolean;
  imported: number;
  created: number;
  updated: number;
  rejected: Array<{ line: number; field: string; reason: string }>;
}

export type ShareItem =
  | 'reason'
  | 'referrer'
  | 'child_age'
  | 'cues'
  | 'factors'
  | 'interventions'
  | 'parent_wishes'
  | 'child_name'
  | 'child_birth_date'
  | 'parent_names'
  | 'parent_phone'
  | 'address';

export const SHARE_ITEMS: ShareItem[] = [
  'reason',
  'referrer',
  'child_age',
  'cues',
  'factors',
  'interventions',
  'parent_wishes',
  'child_name',
  'child_birth_date',
  'parent_names',
  'parent_phone',
  'address',
];
export const ALWAYS_SHARED: ShareItem[] = ['reason', 'referrer'];

export const NO_CONSENT_QUESTIONS = [
  'purpose',
  'alternativeWithoutSharing',
  'consentSought',
  'proportionality',
  'whatToWhom',
] as const;
export type NoConsentAnswers = Partial<Record<(typeof NO_CONSENT_QUESTIONS)[number], string>>;

export type ReferralStatus = 'draft' | 'sent' | 'received' | 'accepted' | 'declined' | 'in_care' | 'closed';
export type Channel = 'nestwerk' | 'phone' | 'email' | 'post';

export interface Labelled {
  code: string;
  label: string;
}

export interface SharedReferral {
  referralId: string;
  region: string;
  basis: 'consent' | 'no_consent';
  items: ShareItem[];
  reason: { criteria: Labelled[]; imhReasons: Labelled[]; text: string | null };
  referrer: { name: string; organisation: string; email: string | null; phone: string | null };
  child?: {
    ageMonths?: number;
    gestationWeeks?: number;
    givenName?: string;
    familyName?: string;
    birthDate?: string;
    dueDate?: string;
  };
  cues?: Labelled[];
  factors?: Array<Labelled & { kind: string }>;
  interventions?: Labelled[];
  parentWishes?: string;
  parents?: Array<{ role: string; name?: string; phone?: string }>;
  address?: { postcode: string | null; municipality: string | null };
}

export interface Referral {
  id: string;
  familyId: string;
  childId: string;
  partner: { id: string; name: string; kind: string; viaNestwerk: boolean };
  referrer: { id: string; name: string };
  status: ReferralStatus;
  channel: Channel | null;
  reason: { criteria: string[]; imhReasons: string[]; text: string | null };
  parentWishes: string | null;
  items: ShareItem[];
  basis: 'consent' | 'no_consent';
  flagged: boolean;
  consent: {
    id: string;
    status: string;
    givenBy: { id: string; name: string } | null;
    purpose: string;
    recipient: string | null;
    validUntil: string | null;
    withdrawnAt: string | null;
  } | null;
  noConsent: {
    answers: NoConsentAnswers;
    complete: boolean;
    confirmedBy: { id: string; name: string } | string | null;
    confirmedAt: string | null;
  } | null;
  sentAt: string | null;
  feedbackDue: string | null;
  feedbackOverdue: boolean;
  feedbackReceivedAt: string | null;
  declineReason: string | null;
  intakeDate: string | null;
  consentWithdrawnAt: string | null;
  history: Array<{
    status: ReferralStatus;
    at: string;
    by: { id: string; name: string } | null;
    note: string | null;
  }>;
  feedback: Array<{ id: string; text: string; source: string; recordedBy: string | null; createdAt: string }>;
  version: number;
}

export interface ReferralSummary {
  id: string;
  partner: { id: string; name: string };
  status: ReferralStatus;
  basis: 'consent' | 'no_consent';
  flagged: boolean;
  sentAt: string | null;
  feedbackDue: string | null;
  feedbackOverdue: boolean;
  consentWithdrawnAt: string | null;
  createdAt: string;
}

export interface ReferralIn {
  partnerId: string;
  childId?: string;
  contactId?: string;
  recommendationId?: string;
  reasonText?: string;
  parentWishes?: string;
  items?: ShareItem[];
  referrerPhone?: string;
  consent?: { givenBy: string; purpose: string; validUntil?: string };
  noConsent?: NoConsentAnswers;
}

export interface ReferralOptions {
  recommendation: string | null;
  interventions: Labelled[];
  family: { municipality: string | null; country: string };
  items: Array<Partner & { offers: string[]; inFamilyMunicipality: boolean }>;
  total: number;
}

export type Sharing = 'open' | 'consent_withdrawn' | 'consent_expired';

export interface IntakeItem {
  id: string;
  status: ReferralStatus;
  sentAt: string;
  feedbackDue: string | null;
  intakeDate: string | null;
  sharing: Sharing;
  summary: {
    child: SharedReferral['child'] | null;
    criteria: Labelled[];
    imhReasons: Labelled[];
    interventions: Labelled[];
    referrer: { name: string; organisation: string };
  } | null;
}

export interface IntakeDetail {
  id: string;
  status: ReferralStatus;
  sentAt: string;
  feedbackDue: string | null;
  intakeDate: string | null;
  declineReason: string | null;
  sharing: Sharing;
  history: Array<{ status: ReferralStatus; at: string }>;
  feedback: Array<{ id: string; text: string; createdAt: string }>;
  shared: SharedReferral;
}

export type NotificationKind =
  | 'referral_received'
  | 'consent_withdrawn'
  | 'feedback_received'
  | 'referral_status'
  | 'feedback_overdue';

export interface AppNotification {
  id: string;
  kind: NotificationKind;
  referralId: string;
  createdAt: string;
  readAt: string | null;
}

export interface CareMember {
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
  version: number;
}

export interface CareTeam {
  members: CareMember[];
  coordinatorId: string | null;
}

export interface SafetyRoute {
  id: string;
  region: 'nl' | 'be';
  route: string;
  label: { nl: string; en: string };
  status: 'open' | 'closed';
  concerns: string[];
  currentStep: number;
  steps: Array<{
    step: number;
    text: { nl: string; en: string };
    done: boolean;
    recordedAt: string | null;
    notes: string | null;
    answers: Record<string, unknown> | null;
  }>;
  decision: unknown;
  openedAt: string;
  closedAt: string | null;
  version: number;
}

const e = encodeURIComponent;

export function networkEndpoints(client: ApiClient) {
  return {
    partnerKinds: () => client.get<{ items: PartnerKind[] }>('/api/partner-kinds'),
    partners: (params: Record<string, string | number | undefined>) =>
      client.get<{ items: Partner[]; total: number }>(`/api/partners${query(params)}`),
    partner: (id: string) => client.get<Partner>(`/api/partners/${e(id)}`),
    importPartners: (csv: string, dryRun: boolean) =>
      client.post<ImportResult>('/api/partners/import', { csv, dryRun }),

    referralOptions: (familyId: string, params: Record<string, string | undefined>) =>
      client.get<ReferralOptions>(`/api/families/${e(familyId)}/referral-options${query(params)}`),
    familyReferrals: (familyId: string) =>
      client.get<{ items: ReferralSummary[] }>(`/api/families/${e(familyId)}/referrals`),
    createReferral: (familyId: string, body: ReferralIn) =>
      client.post<Referral>(`/api/families/${e(familyId)}/referrals`, body),
    referral: (id: string) => client.get<Referral>(`/api/referrals/${e(id)}`),
    patchReferral: (id: string, body: Partial<ReferralIn> & { version: number }) =>
      client.patch<Referral>(`/api/referrals/${e(id)}`, body),
    preview: (id: string) => client.get<SharedReferral>(`/api/referrals/${e(id)}/preview`),
    confirm: (id: string, version: number) =>
      client.post<Referral>(`/api/referrals/${e(id)}/confirm`, { version }),
    send: (id: string, version: number, channel: Channel) =>
      client.post<Referral>(`/api/referrals/${e(id)}/send`, { version, channel }),
    setStatus: (id: string, body: { version: number; status: ReferralStatus; reason?: string }) =>
      client.post<Referral>(`/api/referrals/${e(id)}/status`, body),
    recordFeedback: (id: string, body: { text: string; via: 'phone' | 'email' | 'post' | 'meeting' }) =>
      client.post<Referral>(`/api/referrals/${e(id)}/feedback`, body),
    withdrawConsent: (id: string) => client.post<Referral>(`/api/referrals/${e(id)}/withdraw-consent`),

    intake: (status: string) =>
      client.get<{ items: IntakeItem[]; total: number }>(`/api/intake${query({ status, limit: 100 })}`),
    intakeDetail: (id: string) => client.get<IntakeDetail>(`/api/intake/${e(id)}`),
    intakeStatus: (id: string, body: { status: ReferralStatus; reason?: string; intakeDate?: string }) =>
      client.post<unknown>(`/api/intake/${e(id)}/status`, body),
    intakePlan: (id: string, intakeDate: string) =>
      client.post<unknown>(`/api/intake/${e(id)}/plan`, { intakeDate }),
    intakeFeedback: (id: string, text: string) =>
      client.post<unknown>(`/api/intake/${e(id)}/feedback`, { text }),

    notifications: () =>
      client.get<{ items: AppNotification[]; total: number; unread: number }>('/api/notifications?limit=50'),
    readNotification: (id: string) => client.post<AppNotification>(`/api/notifications/${e(id)}/read`),
    readAll: () => client.post<{ marked: number }>('/api/notifications/read-all'),

    careTeam: (familyId: string) => client.get<CareTeam>(`/api/families/${e(familyId)}/care-team`),
    addCareMember: (
      familyId: string,
      body: { role: string; name?: string; organisation?: string; phone?: string; email?: string },
    ) => client.post<CareTeam>(`/api/families/${e(familyId)}/care-team`, body),
    makeCoordinator: (familyId: string, member: CareMember) =>
      client.patch<CareTeam>(`/api/families/${e(familyId)}/care-team/${e(member.id)}`, {
        version: member.version,
        coordinator: true,
      }),

    safetyRoute: (familyId: string) =>
      client.get<{ current: SafetyRoute | null }>(`/api/families/${e(familyId)}/safety-route`),
    openSafetyRoute: (familyId: string, concerns: string[]) =>
      client.post<SafetyRoute>(`/api/families/${e(familyId)}/safety-route`, { concerns }),
    safetyStep: (id: string, body: { step: number; notes: string; answers?: Record<string, unknown> }) =>
      client.post<SafetyRoute>(`/api/safety-routes/${e(id)}/steps`, body),
  };
}

export const network = networkEndpoints(api);
