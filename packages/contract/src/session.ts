import { z } from 'zod';
import { emptyBody, noContent, unicodeText } from './common.ts';
import { defineRoute } from './route.ts';

export const userRoles = [
  'nurse',
  'physician',
  'team_lead',
  'imh_specialist',
  'application_manager',
  'analyst',
] as const;
export type UserRole = (typeof userRoles)[number];
export const userRole = z.enum(userRoles);

/** What the web app learns about the logged-in user; nothing else leaves the server. */
export const sessionUser = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  role: userRole,
  /** `phone`: the number parents call, printed on the parent tips (null when the organisation has none set). */
  organisation: z.object({
    id: z.string(),
    name: z.string(),
    region: z.enum(['nl', 'be']),
    phone: z.string().nullable(),
  }),
  team: z.object({ id: z.string(), name: z.string() }).nullable(),
  /** Set after an administrator reset the password: the user must choose a new one first. */
  mustChangePassword: z.boolean(),
  isDemo: z.boolean(),
});
export type SessionUser = z.output<typeof sessionUser>;

/**
 * Bounded so a hostile client cannot make argon2 hash megabytes; generous enough that any password the
 * server's policy accepts (at most 128 characters) fits, as the policy counts characters and zod UTF-16 units.
 */
const PASSWORD_INPUT_MAX = 128 * 4;
const anyPassword = z.string().min(1).max(PASSWORD_INPUT_MAX);
/** Six digits, or a recovery code (16 characters, typed with or without dashes and spaces). */
const totpCode = unicodeText().trim().max(32);

export const loginBody = z
  .object({
    email: unicodeText().trim().min(1).max(254),
    password: anyPassword,
    totp: totpCode.optional(),
  })
  .strict();
export type LoginBody = z.output<typeof loginBody>;

export const totpBody = z.object({ code: totpCode.min(1) }).strict();

export const passwordChangeBody = z
  .object({ currentPassword: anyPassword, newPassword: z.string().max(PASSWORD_INPUT_MAX) })
  .strict();
export type PasswordChangeBody = z.output<typeof passwordChangeBody>;

export const sessionOk = z.object({ user: sessionUser, csrfToken: z.string() });
export type SessionOk = z.output<typeof sessionOk>;

/** The first log-in: the password was right, now the authenticator app is set up. */
export const enrolStage = z.object({
  stage: z.literal('enrol'),
  otpauthUrl: z.string(),
  secret: z.string(),
  csrfToken: z.string(),
});
export type EnrolStage = z.output<typeof enrolStage>;

/** Completing enrolment also hands out the recovery codes: the only time they are shown. */
export const secondFactorResult = sessionOk.extend({ recoveryCodes: z.array(z.string()).optional() });
export type SecondFactorResult = z.output<typeof secondFactorResult>;

export const recoveryCodesBody = z.object({ currentPassword: anyPassword }).strict();
export const recoveryCodesResult = z.object({ recoveryCodes: z.array(z.string()) });

export const loginResult = z.union([sessionOk, enrolStage]);
export type LoginResult = z.output<typeof loginResult>;

const tags = ['session'];

export const session = {
  logIn: defineRoute({
    method: 'POST',
    path: '/api/session',
    summary: 'Log in: password, then TOTP (or TOTP enrolment at the first log-in)',
    tags,
    auth: 'none',
    body: loginBody,
    response: loginResult,
  }),
  secondFactor: defineRoute({
    method: 'POST',
    path: '/api/session/totp',
    summary:
      'Second factor (TOTP code or recovery code): finishes the log-in, or the TOTP enrolment (which returns the recovery codes once)',
    tags,
    auth: 'pending',
    body: totpBody,
    response: secondFactorResult,
  }),
  recoveryCodes: defineRoute({
    method: 'POST',
    path: '/api/session/recovery-codes',
    summary: 'New recovery codes (the current password is asked again); earlier codes stop working',
    tags,
    auth: 'full',
    body: recoveryCodesBody,
    response: recoveryCodesResult,
    errors: [409],
  }),
  current: defineRoute({
    method: 'GET',
    path: '/api/session',
    summary: 'The logged-in user and the CSRF token',
    tags,
    auth: 'session',
    response: sessionOk,
  }),
  logOut: defineRoute({
    method: 'DELETE',
    path: '/api/session',
    summary: 'Log out',
    tags,
    auth: 'optional',
    body: emptyBody,
    status: 204,
    response: noContent,
  }),
  changePassword: defineRoute({
    method: 'POST',
    path: '/api/session/password',
    summary: 'Change the own password',
    tags,
    auth: 'session',
    body: passwordChangeBody,
    status: 204,
    response: noContent,
  }),
  /** Present only when the identity provider is configured; otherwise 404 like any unknown path. */
  oidcStart: defineRoute({
    method: 'GET',
    path: '/api/auth/oidc/start',
    summary: "Log in with an organisation's identity provider (redirects there)",
    tags,
    auth: 'none',
    /** Which provider, when the deployment has several (NESTWERK_OIDC_PROVIDERS). */
    query: z.strictObject({ provider: z.string().max(40).optional() }),
    status: 302,
    response: noContent,
    errors: [404],
  }),
  oidcCallback: defineRoute({
    method: 'GET',
    path: '/api/auth/oidc/callback',
    summary: 'Where the identity provider sends the browser back; redirects into the app',
    tags,
    auth: 'none',
    // Bounded, and read from the raw URL by the OpenID library; only its size is checked here.
    query: z.record(z.string().max(64), z.string().max(4096)),
    status: 302,
    response: noContent,
    errors: [404],
  }),
};
