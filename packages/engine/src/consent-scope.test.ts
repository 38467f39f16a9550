import { describe, expect, it } from 'vitest';
import { consentMismatch, normaliseScope } from './consent-scope.ts';

const linde = { id: 'p-linde', kind: 'gp', name: 'Huisartsenpraktijk De Linde' };
const imh = { id: 'p-imh', kind: 'imh_team', name: 'IMH-team Veldland' };

describe('consent scope', () => {
  it('covers the partner it names, and only items within its scope', () => {
    const consent = {
      recipient: { partnerId: 'p-linde', kind: null, name: linde.name },
      scope: normaliseScope(['cues']),
    };
    expect(consentMismatch(consent, linde, ['reason', 'referrer', 'cues'])).toBeNull();
    expect(consentMismatch(consent, imh, ['reason', 'referrer', 'cues'])).toEqual({
      field: 'consentId',
      why: 'recipient',
    });
    expect(consentMismatch(consent, linde, ['reason', 'referrer', 'child_name', 'address', 'cues'])).toEqual({
      field: 'items',
      why: 'scope',
      outside: ['child_name', 'address'],
    });
  });

  it('a kind with a named recipient covers that partner only', () => {
    const consent = {
      recipient: { partnerId: null, kind: 'gp', name: ' huisartsenpraktijk  de linde ' },
      scope: normaliseScope(['child_age']),
    };
    expect(consentMismatch(consent, linde, ['reason', 'referrer', 'child_age'])).toBeNull();
    expect(consentMismatch(consent, { ...linde, name: 'Huisartsen De Eik' }, ['reason'])).toMatchObject({
      why: 'recipient',
    });
    expect(consentMismatch(consent, { ...imh, name: linde.name }, ['reason'])).toMatchObject({
      why: 'recipient',
    });
  });

  it('a legacy consent (no recorded scope or receiver) covers nothing', () => {
    expect(
      consentMismatch({ recipient: { partnerId: null, kind: null, name: linde.name }, scope: null }, linde, [
        'reason',
      ]),
    ).toEqual({ field: 'consentId', why: 'legacy' });
  });
});
