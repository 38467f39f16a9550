import { z } from 'zod';
import { id, text, timestamp, unicodeText } from './common.ts';

/*
 * Passkeys (WebAuthn) for the parent portal: instead of password + app code at activation, or added later.
 * The options the server sends are the W3C JSON forms the browser library turns into
 * `navigator.credentials.create/get`; the credential the browser returns comes back as JSON too. Every field
 * is declared, so nothing unlisted leaves the server, and bounded, so garbage is a 400, never a 500.
 */

/** base64url as WebAuthn's JSON forms use it; 4 KiB covers any authenticator's attestation. */
const b64url = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .regex(/^[A-Za-z0-9_-]+={0,2}$/);
const transport = z.enum(['ble', 'cable', 'hybrid', 'internal', 'nfc', 'smart-card', 'usb']);
const attachment = z.enum(['platform', 'cross-platform']);
const descriptor = z.object({
  id: b64url(1366),
  type: z.literal('public-key'),
  transports: z.array(transport).max(8).optional(),
});

/** The invitation's code and the e-mail address, without a password: the passkey replaces password and app. */
export const portalRedeemPasskeyBody = z.strictObject({
  code: unicodeText().trim().min(1).max(64),
  email: unicodeText().trim().min(1).max(254),
});

/** A single-use challenge of 5 minutes, stored on the server; `attemptId` names it when the answer comes back. */
export const passkeyAttempt = z
  .string()
  .min(16)
  .max(128)
  .regex(/^[A-Za-z0-9_-]+$/);

export const passkeyCreationOptions = z.object({
  rp: z.object({ name: z.string(), id: z.string().optional() }),
  user: z.object({ id: z.string(), name: z.string(), displayName: z.string() }),
  challenge: z.string(),
  pubKeyCredParams: z.array(z.object({ alg: z.number(), type: z.literal('public-key') })),
  timeout: z.number().optional(),
  excludeCredentials: z.array(descriptor).optional(),
  authenticatorSelection: z
    .object({
      authenticatorAttachment: attachment.optional(),
      requireResidentKey: z.boolean().optional(),
      residentKey: z.enum(['discouraged', 'preferred', 'required']).optional(),
      userVerification: z.enum(['discouraged', 'preferred', 'required']).optional(),
    })
    .optional(),
  attestation: z.enum(['none', 'indirect', 'direct', 'enterprise']).optional(),
  extensions: z.object({ credProps: z.boolean().optional() }).optional(),
});

export const passkeyRequestOptions = z.object({
  challenge: z.string(),
  timeout: z.number().optional(),
  rpId: z.string().optional(),
  allowCredentials: z.array(descriptor).optional(),
  userVerification: z.enum(['discouraged', 'preferred', 'required']).optional(),
});

export const passkeyRegistrationChallenge = z.object({
  attemptId: passkeyAttempt,
  options: passkeyCreationOptions,
});
export type PasskeyRegistrationChallenge = z.output<typeof passkeyRegistrationChallenge>;

export const passkeyLoginChallenge = z.object({ attemptId: passkeyAttempt, options: passkeyRequestOptions });
export type PasskeyLoginChallenge = z.output<typeof passkeyLoginChallenge>;

/** After redeeming the code for a passkey: the session is pending until the passkey is made. */
export const portalPasskeyStage = passkeyRegistrationChallenge.extend({
  stage: z.literal('passkey'),
  csrfToken: z.string(),
});
export type PortalPasskeyStage = z.output<typeof portalPasskeyStage>;

/** What `navigator.credentials.create()` returned, as JSON (RegistrationResponseJSON). */
export const passkeyRegistrationCredential = z.object({
  id: b64url(1366),
  rawId: b64url(1366),
  type: z.literal('public-key'),
  response: z.object({
    clientDataJSON: b64url(4096),
    attestationObject: b64url(16384),
    authenticatorData: b64url(4096).optional(),
    transports: z.array(transport).max(8).optional(),
    publicKeyAlgorithm: z.number().int().optional(),
    publicKey: b64url(4096).optional(),
  }),
  authenticatorAttachment: attachment.optional(),
  clientExtensionResults: z.object({ credProps: z.object({ rk: z.boolean().optional() }).optional() }),
});

/** What `navigator.credentials.get()` returned, as JSON (AuthenticationResponseJSON). */
export const passkeyLoginCredential = z.object({
  id: b64url(1366),
  rawId: b64url(1366),
  type: z.literal('public-key'),
  response: z.object({
    clientDataJSON: b64url(4096),
    authenticatorData: b64url(4096),
    signature: b64url(2048),
    userHandle: b64url(512).optional(),
  }),
  authenticatorAttachment: attachment.optional(),
  clientExtensionResults: z.object({ credProps: z.object({ rk: z.boolean().optional() }).optional() }),
});

/**
 * Field issue codes: `challenge_invalid` (unknown, used, expired or of another session: ask for a new one),
 * `passkey_invalid` (the answer does not verify: wrong origin, wrong site, no user verification, replayed or a
 * counter that went back), `passkey_unknown` (log-in with a passkey this portal does not know).
 */
/** The parent's own name for a passkey, so two of the same day can be told apart ("Telefoon", "Laptop"). */
export const passkeyName = text(60);
export const passkeyRegistrationBody = z.strictObject({
  attemptId: passkeyAttempt,
  credential: passkeyRegistrationCredential,
  /** Optional: the portal suggests the device's kind; without one the passkey is shown by its date. */
  name: passkeyName.optional(),
});
export const passkeyRenameBody = z.strictObject({ name: passkeyName });
export const passkeyLoginBody = z.strictObject({
  attemptId: passkeyAttempt,
  credential: passkeyLoginCredential,
});

export const portalPasskey = z.object({
  id,
  name: z.string().nullable(),
  createdAt: timestamp,
  lastUsedAt: timestamp.nullable(),
  /** How the browser said it can reach the authenticator (`internal`: this device), for a label. */
  transports: z.array(z.string()),
});
export type PortalPasskey = z.output<typeof portalPasskey>;

export const portalPasskeys = z.object({
  items: z.array(portalPasskey),
  /** False for a parent who activated with a passkey: their last passkey cannot be removed. */
  passwordSet: z.boolean(),
});
export type PortalPasskeys = z.output<typeof portalPasskeys>;
