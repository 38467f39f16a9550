import { z } from 'zod';
import { noContent, unicodeText } from './common.ts';
import { defineRoute } from './route.ts';

/*
 * Parents log in through the organisation's citizen identity provider (DigiD in the Netherlands, itsme in
 * Flanders) when the deployment configured one. The provider vouches for the parent's BSN or INSZ; it opens a
 * family only for a caregiver whose file carries that number AND who was invited: the first time the code from
 * the letter is still needed (an activation), after that the number alone logs that one parent in.
 */

/** Which button the log-in and activation pages show: by the organisation's region. */
export const CITIZEN_PROVIDERS = ['digid', 'itsme'] as const;
export type CitizenProvider = (typeof CITIZEN_PROVIDERS)[number];

export const portalLoginOptions = z.object({
  /** null: log-in by e-mail and password only. */
  citizen: z.object({ provider: z.enum(CITIZEN_PROVIDERS) }).nullable(),
});
export type PortalLoginOptions = z.output<typeof portalLoginOptions>;

/**
 * Why a citizen log-in came back without a session, as `?error=` on the portal's log-in or activation page:
 * `citizen_cancelled` (the provider refused or the parent stopped there), `citizen_failed` (the answer could
 * not be trusted or used: try again), `citizen_expired` (took too long, or the page was opened twice),
 * `citizen_unknown` (this number opens no portal account: activate with the letter first),
 * `citizen_mismatch` (the number is not that of the parent the letter was for), `citizen_invitation` (the code
 * was used, replaced or expired meanwhile), `citizen_ended` (no access now; the reason is not told here),
 * `citizen_busy` (too many log-ins started from this address: wait a quarter of an hour).
 */
export const CITIZEN_LOGIN_ERRORS = [
  'citizen_cancelled',
  'citizen_failed',
  'citizen_expired',
  'citizen_unknown',
  'citizen_mismatch',
  'citizen_invitation',
  'citizen_ended',
  'citizen_busy',
] as const;
export type CitizenLoginError = (typeof CITIZEN_LOGIN_ERRORS)[number];

/**
 * Activation through the citizen provider: the code from the letter and the e-mail address the portal will
 * show (no password). Field issue codes as with redeeming (`invitation_invalid`, `access_refused`,
 * `email_taken`), and `citizen_unavailable` when the invited parent's file carries no number of the region to
 * check the provider's answer against (activate with a password instead).
 */
export const portalCitizenActivationBody = z.strictObject({
  code: unicodeText().trim().min(1).max(64),
  email: unicodeText().trim().min(1).max(254),
});

/** Where the browser goes next: the provider's authorization URL (the flow cookie is set with it). */
export const portalCitizenRedirect = z.object({ redirectUrl: z.string() });

const tags = ['portal'];

export const portalCitizen = {
  loginOptions: defineRoute({
    method: 'GET',
    path: '/api/portal/login-options',
    summary: 'How parents can log in here: whether the citizen identity provider (DigiD / itsme) is offered',
    tags,
    auth: 'none',
    response: portalLoginOptions,
  }),
  citizenStart: defineRoute({
    method: 'GET',
    path: '/api/portal/oidc/start',
    summary: "Parent log-in with the organisation's citizen identity provider (redirects there)",
    tags,
    auth: 'none',
    status: 302,
    response: noContent,
    errors: [404],
  }),
  citizenActivate: defineRoute({
    method: 'POST',
    path: '/api/portal/oidc/activation',
    summary:
      'Redeem an invitation code through the citizen identity provider instead of a password: checks the code, answers where to go',
    tags,
    auth: 'none',
    body: portalCitizenActivationBody,
    response: portalCitizenRedirect,
    errors: [404, 409, 422],
  }),
  citizenCallback: defineRoute({
    method: 'GET',
    path: '/api/portal/oidc/callback',
    summary: 'Where the citizen identity provider sends the browser back; redirects into the portal',
    tags,
    auth: 'none',
    // Bounded, and read from the raw URL by the OpenID library; only its size is checked here.
    query: z.record(z.string().max(64), z.string().max(4096)),
    status: 302,
    response: noContent,
    errors: [404],
  }),
};
