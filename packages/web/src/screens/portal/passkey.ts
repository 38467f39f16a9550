import type { PasskeyLoginChallenge, PasskeyRegistrationChallenge } from '@nestwerk/contract';
import { browserSupportsWebAuthn, startAuthentication, startRegistration } from '@simplewebauthn/browser';
import { ApiError } from '../../api/client.ts';
import type { PortalKey } from './i18n.ts';

/** Whether this browser can make and use a passkey at all (it then gets the passkey offered first). */
export function passkeySupported(): boolean {
  return browserSupportsWebAuthn();
}

/** Asks the phone (or computer) to make a passkey for these options: the parent confirms with finger, face or PIN. */
export function createPasskey(challenge: PasskeyRegistrationChallenge) {
  return startRegistration({ optionsJSON: challenge.options });
}

/** User-agent marks of a kind of device, the specific first: iPhones say "Mac OS X", Android says Linux. */
const DEVICE_KINDS: readonly (readonly [RegExp, string])[] = [
  [/iPhone/, 'iPhone'],
  [/iPad/, 'iPad'],
  [/Android/, 'Android'],
  [/CrOS/, 'ChromeOS'],
  [/Macintosh|Mac OS X/, 'Mac'],
  [/Windows/, 'Windows'],
  [/Linux/, 'Linux'],
];

/**
 * A first name for a passkey made on this device, so that a parent with a phone and a laptop can tell them
 * apart: the kind of device, from the browser's user agent. Only for a passkey kept on the device itself
 * (`platform`): one on a security key or another phone (`cross-platform`) is not this device, so it gets
 * none and is shown by its date until the parent names it.
 */
export function suggestedPasskeyName(
  attachment: string | undefined,
  userAgent: string = navigator.userAgent,
): string | undefined {
  if (attachment !== 'platform') return undefined;
  return DEVICE_KINDS.find(([pattern]) => pattern.test(userAgent))?.[1];
}

/** Asks for one of this site's passkeys; the browser lets the parent pick one. */
export function getPasskey(challenge: PasskeyLoginChallenge) {
  return startAuthentication({ optionsJSON: challenge.options });
}

/**
 * What to tell the parent. The browser throws a DOMException-like error when they cancel or the device says
 * no; the server answers with an issue code (an expired challenge, a passkey it does not know).
 */
export function passkeyError(err: unknown, during: 'make' | 'login'): PortalKey {
  if (err instanceof ApiError) {
    if (err.status === 429) return 'login.locked';
    if (err.status === 403) return 'login.suspended';
    const issue = Array.isArray(err.body.issues) ? err.body.issues[0]?.code : undefined;
    if (issue === 'passkey_unknown') return 'passkey.loginUnknown';
    if (err.status >= 500) return 'app.error';
    return during === 'login' ? 'passkey.loginFailed' : 'passkey.failed';
  }
  if (err instanceof Error && (err.name === 'NotAllowedError' || err.name === 'AbortError'))
    return during === 'login' ? 'passkey.loginFailed' : 'passkey.cancelled';
  return during === 'login' ? 'passkey.loginFailed' : 'passkey.failed';
}
