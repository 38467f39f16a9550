import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config.ts';

describe('citizen identity provider configuration', () => {
  const all = {
    NESTWERK_CITIZEN_OIDC_ISSUER: 'https://digid-broker.example',
    NESTWERK_CITIZEN_OIDC_CLIENT_ID: 'nestwerk',
    NESTWERK_CITIZEN_OIDC_CLIENT_SECRET: 'secret',
    NESTWERK_CITIZEN_OIDC_REDIRECT_URL: 'https://nestwerk.example/api/portal/oidc/callback',
    NESTWERK_CITIZEN_OIDC_ORGANISATION: 'org-1',
  };

  it('reads all five variables, the claim defaulting to sub', () => {
    expect(loadConfig(all).citizenOidc).toEqual({
      issuer: 'https://digid-broker.example',
      clientId: 'nestwerk',
      clientSecret: 'secret',
      redirectUrl: 'https://nestwerk.example/api/portal/oidc/callback',
      organisationId: 'org-1',
      idClaim: 'sub',
      scope: 'openid',
    });
    expect(loadConfig({}).citizenOidc).toBeNull();
    expect(
      loadConfig({
        ...all,
        NESTWERK_CITIZEN_OIDC_ID_CLAIM: 'bsn',
        NESTWERK_CITIZEN_OIDC_SCOPE: 'bsn profile',
      }).citizenOidc,
    ).toMatchObject({ idClaim: 'bsn', scope: 'openid bsn profile' });
  });

  it('stops at start with a message naming the variable', () => {
    const fails = (env: Record<string, string>, variable: string, message: RegExp) => {
      try {
        loadConfig(env);
      } catch (err) {
        expect(err).toBeInstanceOf(ConfigError);
        expect((err as ConfigError).variable).toBe(variable);
        expect((err as ConfigError).message).toMatch(message);
        return;
      }
      throw new Error(`no ConfigError for ${variable}`);
    };
    const { NESTWERK_CITIZEN_OIDC_ORGANISATION: _o, ...withoutOrganisation } = all;
    fails(withoutOrganisation, 'NESTWERK_CITIZEN_OIDC_ORGANISATION', /is missing: set all of/);
    fails(
      { ...all, NESTWERK_CITIZEN_OIDC_ISSUER: 'http://digid.example' },
      'NESTWERK_CITIZEN_OIDC_ISSUER',
      /https/,
    );
    fails({ ...all, NESTWERK_CITIZEN_OIDC_ISSUER: 'not a url' }, 'NESTWERK_CITIZEN_OIDC_ISSUER', /URL/i);
    fails(
      { ...all, NESTWERK_CITIZEN_OIDC_ID_CLAIM: 'nonce' },
      'NESTWERK_CITIZEN_OIDC_ID_CLAIM',
      /cannot be nonce/,
    );
    fails(
      { ...all, NESTWERK_CITIZEN_OIDC_ID_CLAIM: 'two words' },
      'NESTWERK_CITIZEN_OIDC_ID_CLAIM',
      /claim name/,
    );
    expect(
      loadConfig({ ...all, NESTWERK_CITIZEN_OIDC_ISSUER: 'http://localhost:9000' }).citizenOidc?.issuer,
    ).toBe('http://localhost:9000');
  });
});
