import type { passkeyLoginCredential, passkeyRegistrationCredential } from '@nestwerk/contract';
import type { AuthenticatorTransportFuture, WebAuthnCredential } from '@simplewebauthn/server';
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
} from '@simplewebauthn/server';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Config } from '../config.ts';

/**
 * The WebAuthn ceremonies through @simplewebauthn/server, with this portal's rules in one place: ES256 or
 * RS256 keys, a discoverable credential (log-in without typing the e-mail), user verification required (the
 * phone's PIN, face or finger — it stands in for the password and the app code), no attestation (which
 * authenticator it is does not matter here, and asking for it makes browsers show an extra prompt).
 */
const RP_NAME = 'Nestwerk ouderportaal';
const TIMEOUT_MS = 5 * 60_000;
const ALGORITHMS = [-7, -257];

export interface RelyingParty {
  id: string;
  origin: string;
}

/**
 * The configured public origin; without one, the origin the request was sent to (development and tests:
 * behind a proxy that rewrites Host, NESTWERK_PUBLIC_ORIGIN must be set, or passkeys fail to verify).
 */
export function relyingParty(config: Config, request: FastifyRequest): RelyingParty {
  const origin = config.publicOrigin ?? `${config.secureCookies ? 'https' : 'http'}://${request.host}`;
  return { id: new URL(origin).hostname, origin };
}

const TRANSPORTS: ReadonlySet<string> = new Set([
  'ble',
  'cable',
  'hybrid',
  'internal',
  'nfc',
  'smart-card',
  'usb',
]);

export function parseTransports(json: string): AuthenticatorTransportFuture[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value)
      ? value.filter((t): t is AuthenticatorTransportFuture => typeof t === 'string' && TRANSPORTS.has(t))
      : [];
  } catch {
    return [];
  }
}

export async function registrationOptions(
  rp: RelyingParty,
  user: { id: string; name: string; displayName: string },
  exclude: ReadonlyArray<{ credentialId: string; transports: AuthenticatorTransportFuture[] }>,
) {
  return generateRegistrationOptions({
    rpName: RP_NAME,
    rpID: rp.id,
    userID: new TextEncoder().encode(user.id),
    userName: user.name,
    userDisplayName: user.displayName,
    timeout: TIMEOUT_MS,
    attestationType: 'none',
    excludeCredentials: exclude.map((c) => ({ id: c.credentialId, transports: c.transports })),
    authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
    supportedAlgorithmIDs: ALGORITHMS,
  });
}

export async function loginOptions(rp: RelyingParty) {
  return generateAuthenticationOptions({ rpID: rp.id, timeout: TIMEOUT_MS, userVerification: 'required' });
}

export interface NewCredential {
  credentialId: string;
  publicKey: Uint8Array;
  counter: number;
  transports: AuthenticatorTransportFuture[];
}

/**
 * Null when the answer does not verify: the library throws on anything malformed or mismatched (origin, rp id,
 * challenge, no user verification, bad CBOR), and every such answer is the browser's or an attacker's fault,
 * never the server's — a 4xx for the caller, not a 500.
 */
export async function verifyRegistration(
  rp: RelyingParty,
  challenge: string,
  credential: z.output<typeof passkeyRegistrationCredential>,
): Promise<NewCredential | null> {
  try {
    const result = await verifyRegistrationResponse({
      response: credential,
      expectedChallenge: challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      requireUserVerification: true,
      supportedAlgorithmIDs: ALGORITHMS,
    });
    if (!result.verified) return null;
    const made = result.registrationInfo.credential;
    return {
      credentialId: made.id,
      publicKey: made.publicKey,
      counter: made.counter,
      transports: credential.response.transports ?? [],
    };
  } catch {
    return null;
  }
}

/** The new signature counter, or null (a counter that did not go up makes the library refuse: a cloned key). */
export async function verifyLogin(
  rp: RelyingParty,
  challenge: string,
  credential: z.output<typeof passkeyLoginCredential>,
  stored: WebAuthnCredential,
): Promise<number | null> {
  try {
    const result = await verifyAuthenticationResponse({
      response: credential,
      expectedChallenge: challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      credential: stored,
      requireUserVerification: true,
    });
    return result.verified ? result.authenticationInfo.newCounter : null;
  } catch {
    return null;
  }
}
