import { CAREGIVER_ROLES, REFERRAL_STATUSES } from '@nestwerk/knowledge';
import { z } from 'zod';
import { knowledgeText, shareItem } from './codes.ts';
import { date, id, text, timestamp, unicodeText } from './common.ts';
import { consentStatuses } from './consents.ts';
import { screeningOutcome } from './screenings.ts';

/*
 * The parent portal: a caregiver with parental authority, invited by a professional, sees the family's own
 * file, who accessed it and their consents, and tells the nurse how they are before a visit. Parents are not
 * users: they have their own accounts, their own session cookie and their own auth modes (`parent*`), so a
 * parent session never reaches a professional route and a professional session never reaches a portal route.
 */

const PASSWORD_INPUT_MAX = 128 * 4;
const email = unicodeText().trim().min(1).max(254);
const password = z.string().min(1).max(PASSWORD_INPUT_MAX);
/** The code on the invitation letter: letters and digits, typed with or without dashes and spaces. */
const invitationCode = unicodeText().trim().min(1).max(64);
const totpCode = unicodeText().trim().min(1).max(32);
/** Why a professional suspends, resumes or holds back: required, audited, shown to colleagues. */
export const reason = text(500);

/* ---------- The parent and their session ---------- */

export const portalParent = z.object({
  /** The parent account's id (not the person's). */
  id,
  personId: id,
  email: z.string(),
  givenName: z.string(),
  familyName: z.string(),
  role: z.enum(CAREGIVER_ROLES).nullable(),
  isDemo: z.boolean(),
});
export type PortalParent = z.output<typeof portalParent>;

export const portalSessionOk = z.object({
  stage: z.literal('full'),
  parent: portalParent,
  csrfToken: z.string(),
});
export type PortalSessionOk = z.output<typeof portalSessionOk>;

/** The password was right and an authenticator app is needed: ask for the code, then send all three again. */
export const portalTotpStage = z.object({ stage: z.literal('totp') });

/** Redeeming an invitation (or logging in before enrolment finished): set up the authenticator app now. */
export const portalEnrolStage = z.object({
  stage: z.literal('enrol'),
  otpauthUrl: z.string(),
  secret: z.string(),
  csrfToken: z.string(),
});
export type PortalEnrolStage = z.output<typeof portalEnrolStage>;

export const portalLoginResult = z.discriminatedUnion('stage', [
  portalSessionOk,
  portalTotpStage,
  portalEnrolStage,
]);
export type PortalLoginResult = z.output<typeof portalLoginResult>;

export const portalLoginBody = z.strictObject({ email, password, totp: totpCode.optional() });

/**
 * Redeeming the code from the letter: the parent chooses the e-mail address they log in with and a password
 * (the same strength rules as professionals: at least 12 characters, not common, not guessable). Field issue
 * codes: `invitation_invalid` (unknown, used or expired — one code, so a guess learns nothing),
 * `access_refused` (no parental authority, or flagged in an open safety route), `weak_password` with
 * `params.reason`, `email_taken`.
 */
export const portalRedeemBody = z.strictObject({ code: invitationCode, email, password });

export const portalTotpBody = z.strictObject({ code: totpCode });

/* ---------- What the parent sees ---------- */

export const portalTips = z.object({
  band: z.string(),
  title: knowledgeText,
  tips: z.array(knowledgeText),
});
export type PortalTips = z.output<typeof portalTips>;

export const portalChild = z.object({
  id,
  givenName: z.string(),
  familyName: z.string(),
  birthDate: date.nullable(),
  dueDate: date.nullable(),
  /** Whole months today; null for an unborn child. */
  ageMonths: z.number().int().nullable(),
  /** The tips for the child's age (knowledge parent tips); null for an unborn child. */
  tips: portalTips.nullable(),
});
export type PortalChild = z.output<typeof portalChild>;

/** The next date the nurse agreed to see or call the family (the earliest open follow-up from today). */
export const portalAppointment = z.object({ date, childId: id.nullable(), agreementText: z.string() });

export const portalMe = z.object({
  parent: portalParent,
  family: z.object({ id, name: z.string() }),
  /** Wording: `be` is Flemish (Kind en Gezin, 1813), `nl` Dutch (JGZ, 113). */
  region: z.enum(['nl', 'be']),
  organisation: z.object({ name: z.string(), phone: z.string().nullable() }),
  children: z.array(portalChild),
  nextAppointment: portalAppointment.nullable(),
});
export type PortalMe = z.output<typeof portalMe>;

export const portalAgreement = z.object({
  id,
  text: z.string(),
  status: z.enum(['open', 'done']),
  followUpDue: date.nullable(),
  createdAt: timestamp,
});
export type PortalAgreement = z.output<typeof portalAgreement>;

export const portalReferral = z.object({
  id,
  childId: id,
  /** The receiving partner's name. */
  partner: z.string(),
  status: z.enum(REFERRAL_STATUSES),
  sentAt: timestamp.nullable(),
  /** The consent it rested on was withdrawn: the receiver no longer sees the shared data. */
  consentWithdrawn: z.boolean(),
  updatedAt: timestamp,
});
export type PortalReferral = z.output<typeof portalReferral>;

export const portalHouseholdMember = z.object({
  id,
  kind: z.enum(['child', 'caregiver']),
  givenName: z.string(),
  familyName: z.string(),
  role: z.enum(CAREGIVER_ROLES).nullable(),
  birthDate: date.nullable(),
  dueDate: date.nullable(),
});

/** A finished contact as the parent sees it: when, with which child, the estimate agreed together. */
export const portalContact = z.object({
  id,
  date,
  childId: id,
  type: z.enum(['consult', 'home_visit', 'phone', 'prenatal_visit']),
  /** The estimate agreed with the parent; null when it was not discussed. */
  agreedBand: z.enum(['safe', 'insecure', 'problematic_suspected', 'unclear']).nullable(),
  agreements: z.array(portalAgreement),
});
export type PortalContact = z.output<typeof portalContact>;

/** What is recorded about the family, minus what a professional held back (with a reason, audited). */
export const portalRecord = z.object({
  household: z.array(portalHouseholdMember),
  contacts: z.array(portalContact),
  agreements: z.array(portalAgreement),
  referrals: z.array(portalReferral),
});
export type PortalRecord = z.output<typeof portalRecord>;

/**
 * What an access-log line says was done, for the web to word: `read` looked at the file, `listed` saw the
 * family's name in a list (a worklist, a search, a team overview) without opening the file, `changed` wrote in it,
 * `contact` recorded a contact, `agreement`, `referral`, `consent`, `screening` (a questionnaire),
 * `export` (printed or exported the file), `portal` (invitation, suspension), `other`.
 */
export const PORTAL_ACCESS_LOG_ACTIONS = [
  'read',
  'listed',
  'changed',
  'contact',
  'agreement',
  'referral',
  'consent',
  'screening',
  'export',
  'portal',
  'other',
] as const;
export type PortalAccessLogAction = (typeof PORTAL_ACCESS_LOG_ACTIONS)[number];

export const portalAccessLogEntry = z.object({
  at: timestamp,
  /** The organisation's name; null for the parent's own actions. */
  organisation: z.string().nullable(),
  /** A professional role code (nurse, physician, team_lead, imh_specialist, …) or `parent`. */
  role: z.string().nullable(),
  /** Only when the organisation shows names to parents (its setting); otherwise null. */
  name: z.string().nullable(),
  action: z.enum(PORTAL_ACCESS_LOG_ACTIONS),
  /** Access under "break the glass" (emergency, without a care relationship). */
  emergency: z.boolean(),
  /** The parent's own action (withdrawing a consent, a self-report). */
  self: z.boolean(),
});
export type PortalAccessLogEntry = z.output<typeof portalAccessLogEntry>;

const queryInt = (max: number, fallback: number) =>
  z
    .string()
    .regex(/^\d{1,7}$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().int().min(0).max(max))
    .optional()
    .transform((v) => v ?? fallback);

export const portalAccessLogQuery = z.strictObject({
  offset: queryInt(1_000_000, 0),
  limit: queryInt(200, 50),
});
export const portalAccessLogPage = z.object({
  items: z.array(portalAccessLogEntry),
  total: z.number().int().min(0),
});

export const portalConsent = z.object({
  id,
  recipient: z.string(),
  recipientKind: z.string().nullable(),
  purpose: z.string(),
  scope: z.array(shareItem).nullable(),
  scopeNote: z.string().nullable(),
  givenAt: timestamp,
  validUntil: date.nullable(),
  withdrawnAt: timestamp.nullable(),
  status: z.enum(consentStatuses),
});
export type PortalConsent = z.output<typeof portalConsent>;

/* ---------- Self-report before a visit ---------- */

/**
 * How the parent and the child are doing and what they want to talk about (each optional, at most 2000
 * characters), and — optionally — the Whooley questions (two yes/no) and GAD-2 (two items 0–3) for THIS parent.
 * At least one field must be given (field issue `required` on `howAreYou`).
 */
export const selfReportIn = z.strictObject({
  childId: id.optional(),
  howAreYou: text(2000).optional(),
  howIsChild: text(2000).optional(),
  wantToDiscuss: text(2000).optional(),
  whooley: z.strictObject({ depressed: z.boolean(), lostInterest: z.boolean() }).optional(),
  gad2: z
    .strictObject({ nervous: z.number().int().min(0).max(3), worrying: z.number().int().min(0).max(3) })
    .optional(),
});
export type SelfReportIn = z.output<typeof selfReportIn>;

/** Where to get help now, for the web to word in the region's terms. */
export const helpNow = z.object({
  region: z.enum(['nl', 'be']),
  /** 113 (113 Zelfmoordpreventie, NL) or 1813 (Zelfmoordlijn, BE). */
  crisisLine: z.string(),
  /** The organisation's phone (JGZ / Kind en Gezin); null when it has none set. */
  organisationName: z.string(),
  organisationPhone: z.string().nullable(),
  /** Always: call your GP (huisarts); outside office hours the GP out-of-hours service. */
  gp: z.literal(true),
});
export type HelpNow = z.output<typeof helpNow>;

export const selfReport = z.object({
  id,
  /** Always `parent`: the family file shows it as "gemeld door ouder". */
  source: z.literal('parent'),
  /** The caregiver (person) who reported. */
  personId: id,
  childId: id.nullable(),
  howAreYou: z.string().nullable(),
  howIsChild: z.string().nullable(),
  wantToDiscuss: z.string().nullable(),
  whooley: z.object({ depressed: z.boolean(), lostInterest: z.boolean() }).nullable(),
  gad2: z.object({ nervous: z.number().int(), worrying: z.number().int() }).nullable(),
  /** The engine's outcome over this parent's answers; null without Whooley or GAD-2. */
  outcome: screeningOutcome.nullable(),
  /** The answers signal risk: help info is shown and the nurse(s) of the family were notified. */
  risk: z.boolean(),
  createdAt: timestamp,
});
export type SelfReport = z.output<typeof selfReport>;

export const selfReportResult = z.object({ report: selfReport, help: helpNow.nullable() });
export type SelfReportResult = z.output<typeof selfReportResult>;

/** The self-reports a professional sees in the family file (all parents), marked `source: 'parent'`. */
export const familySelfReport = selfReport.extend({
  reportedBy: z.object({ id, name: z.string(), role: z.enum(CAREGIVER_ROLES).nullable() }),
});
export type FamilySelfReport = z.output<typeof familySelfReport>;

/* ---------- The professional's side ---------- */

export const PORTAL_BLOCKS = ['no_parental_authority', 'safety_route', 'not_caregiver'] as const;

/** One caregiver's portal access as the professional sees it in the family file. */
export const portalAccess = z.object({
  personId: id,
  givenName: z.string(),
  familyName: z.string(),
  role: z.enum(CAREGIVER_ROLES).nullable(),
  /** As recorded by a professional; null while nobody recorded it (an invitation then records it). */
  parentalAuthority: z.boolean().nullable(),
  /** Named in an open safety route: no access while the route is open. */
  flaggedInSafetyRoute: z.boolean(),
  /** Why this caregiver cannot be invited or log in now; null when nothing blocks. */
  blocked: z.enum(PORTAL_BLOCKS).nullable(),
  account: z
    .object({
      email: z.string(),
      createdAt: timestamp,
      status: z.enum(['active', 'enrolling', 'suspended']),
      suspendedAt: timestamp.nullable(),
      suspendedReason: z.string().nullable(),
    })
    .nullable(),
  /** The newest unused, unexpired invitation. */
  invitation: z.object({ createdAt: timestamp, expiresAt: timestamp }).nullable(),
});
export type PortalAccess = z.output<typeof portalAccess>;

/** A caregiver of a family: `/api/families/:id/persons/:personId/…`. */
export const personParams = z.strictObject({ id, personId: id });

/**
 * The professional confirms the caregiver has parental authority (checked, e.g. in the gezagsregister);
 * it is recorded on the person. Field issue `access_refused` (with `params.reason`, one of PORTAL_BLOCKS).
 */
export const invitationIn = z.strictObject({ parentalAuthority: z.literal(true) });

/** Returned once: only its hash is stored. The letter prints it with a QR code of `/portaal/activeren#code`. */
export const invitationOut = z.object({
  personId: id,
  code: z.string(),
  createdAt: timestamp,
  expiresAt: timestamp,
});
export type InvitationOut = z.output<typeof invitationOut>;

export const HELD_BACK_KINDS = ['contact', 'agreement', 'referral'] as const;

export const heldBackIn = z.strictObject({ kind: z.enum(HELD_BACK_KINDS), subjectId: id, reason });
export const heldBack = z.object({
  id,
  kind: z.enum(HELD_BACK_KINDS),
  subjectId: id,
  reason: z.string(),
  createdBy: z.object({ id, name: z.string().nullable() }),
  createdAt: timestamp,
});
export type HeldBack = z.output<typeof heldBack>;

/** How the organisation shows professionals to parents in the access log: by default role and organisation only. */
export const portalSettings = z.strictObject({ showNamesToParents: z.boolean() });
export type PortalSettings = z.output<typeof portalSettings>;
