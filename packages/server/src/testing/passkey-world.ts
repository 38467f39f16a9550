import { ApiClient, type TestServer } from '../http/test-server.ts';
import { SoftAuthenticator } from './soft-authenticator.ts';
import type { Actor } from './world.ts';

export interface PasskeyParent {
  client: ApiClient;
  authenticator: SoftAuthenticator;
  email: string;
  parentId: string;
}

interface CreationOptions {
  challenge: string;
  user: { id: string };
}

let n = 0;

/** The real flow: the nurse invites, the parent redeems the code for a passkey and makes it. */
export async function passkeyParent(
  server: TestServer,
  nurse: Actor,
  familyId: string,
  personId: string,
  options: { name?: string } = {},
): Promise<PasskeyParent> {
  const invitation = await nurse.client.post(
    `/api/families/${familyId}/persons/${personId}/portal-invitation`,
    { parentalAuthority: true },
  );
  if (invitation.status !== 201) throw new Error(`invite failed: ${invitation.status} ${invitation.text}`);
  const client = new ApiClient(server.url);
  const email = `passkey.${++n}.${personId.slice(-6)}@thuis.example`;
  const redeemed = await client.post('/api/portal/invitations/redeem-passkey', {
    code: invitation.json?.code,
    email,
  });
  if (redeemed.status !== 200) throw new Error(`redeem failed: ${redeemed.status} ${redeemed.text}`);
  const authenticator = new SoftAuthenticator(server.url);
  const finished = await client.post('/api/portal/session/passkey-registration', {
    attemptId: redeemed.json?.attemptId,
    credential: authenticator.register(redeemed.json?.options as CreationOptions),
    ...options,
  });
  if (finished.status !== 200) throw new Error(`passkey failed: ${finished.status} ${finished.text}`);
  const parent = finished.json?.parent as { id: string } | undefined;
  return { client, authenticator, email, parentId: String(parent?.id) };
}

/** A passkey log-in in a fresh client: options, then the authenticator's signed answer. */
export async function logInWithPasskey(
  server: TestServer,
  authenticator: SoftAuthenticator,
  overrides: Parameters<SoftAuthenticator['authenticate']>[1] = {},
) {
  const client = new ApiClient(server.url);
  const options = await client.post('/api/portal/session/passkey/options');
  if (options.status !== 200) throw new Error(`options failed: ${options.status} ${options.text}`);
  const credential = authenticator.authenticate(options.json?.options as { challenge: string }, overrides);
  const response = await client.post('/api/portal/session/passkey', {
    attemptId: options.json?.attemptId,
    credential,
  });
  return { client, response, attemptId: String(options.json?.attemptId), credential };
}
