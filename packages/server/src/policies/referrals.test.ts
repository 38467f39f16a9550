import type { ReferralStatus } from '@nestwerk/knowledge';
import { describe, expect, it } from 'vitest';
import type { Role } from '../db/schema.ts';
import {
  decideNoConsentConfirmation,
  decideReceiverAccess,
  managesSocialMap,
  mayMoveReferral,
  maySendNoConsent,
  readsSocialMap,
  receivesReferrals,
  sharingState,
} from './referrals.ts';

const ROLES: Role[] = ['nurse', 'physician', 'team_lead', 'imh_specialist', 'application_manager', 'analyst'];
const STATUSES: ReferralStatus[] = ['draft', 'sent', 'received', 'accepted', 'declined', 'in_care', 'closed'];

describe('referral policies', () => {
  it('only the IMH specialist of the receiving organisation sees a sent referral; everything else is "not found"', () => {
    for (const role of ROLES)
      for (const status of STATUSES)
        for (const org of ['receiver', 'other']) {
          const decision = decideReceiverAccess(
            { role, organisationId: org },
            { receiverOrganisationId: 'receiver', status },
          );
          expect({ role, status, org, allowed: decision.allowed }).toEqual({
            role,
            status,
            org,
            allowed: role === 'imh_specialist' && org === 'receiver' && status !== 'draft',
          });
        }
    expect(decideReceiverAccess({ role: 'imh_specialist', organisationId: 'x' }, undefined)).toEqual({
      allowed: false,
      why: 'not_found',
    });
    expect(
      decideReceiverAccess(
        { role: 'imh_specialist', organisationId: 'x' },
        { receiverOrganisationId: null, status: 'sent' },
      ),
    ).toEqual({ allowed: false, why: 'not_receiver' });
  });

  it('sharing stops when consent is withdrawn or expired; the no-consent route does not depend on a consent', () => {
    const r = { basis: 'consent' as const, consent_withdrawn_at: null };
    expect(sharingState(r, { withdrawn_at: null, valid_until: null }, '2026-03-02')).toEqual({ open: true });
    expect(sharingState(r, { withdrawn_at: null, valid_until: '2026-03-02' }, '2026-03-02')).toEqual({
      open: true,
    });
    expect(sharingState(r, { withdrawn_at: null, valid_until: '2026-03-01' }, '2026-03-02')).toEqual({
      open: false,
      reason: 'consent_expired',
    });
    expect(
      sharingState(r, { withdrawn_at: '2026-03-01T00:00:00Z', valid_until: null }, '2026-03-02'),
    ).toEqual({
      open: false,
      reason: 'consent_withdrawn',
    });
    expect(
      sharingState({ ...r, consent_withdrawn_at: 'x' }, { withdrawn_at: null, valid_until: null }, 'd'),
    ).toEqual({
      open: false,
      reason: 'consent_withdrawn',
    });
    expect(sharingState(r, undefined, '2026-03-02')).toMatchObject({ open: false });
    expect(sharingState({ basis: 'no_consent', consent_withdrawn_at: null }, undefined, 'd')).toEqual({
      open: true,
    });
  });

  it('no consent: a team lead of the same organisation who is not the referrer confirms; the confirmer never sends', () => {
    const referral = { referrerId: 'nurse', organisationId: 'org' };
    for (const role of ROLES)
      expect(
        decideNoConsentConfirmation({ userId: 'lead', role, organisationId: 'org' }, referral).allowed,
      ).toBe(role === 'team_lead');
    expect(
      decideNoConsentConfirmation({ userId: 'lead', role: 'team_lead', organisationId: 'other' }, referral),
    ).toEqual({
      allowed: false,
      why: 'other_organisation',
    });
    expect(
      decideNoConsentConfirmation({ userId: 'nurse', role: 'team_lead', organisationId: 'org' }, referral),
    ).toEqual({ allowed: false, why: 'own_referral' });
    expect(maySendNoConsent('nurse', { referrerId: 'nurse', confirmedBy: 'lead' })).toBe(true);
    expect(maySendNoConsent('lead', { referrerId: 'nurse', confirmedBy: 'lead' })).toBe(false);
    expect(maySendNoConsent('nurse', { referrerId: 'nurse', confirmedBy: null })).toBe(false);
    expect(maySendNoConsent('other', { referrerId: 'nurse', confirmedBy: 'nurse' })).toBe(false);
  });

  it('who records which step: the partner on Nestwerk its own; the referrer those of a partner outside it, and closing', () => {
    expect(mayMoveReferral('receiver', true, 'accepted')).toBe(true);
    expect(mayMoveReferral('referrer', true, 'accepted')).toBe(false);
    expect(mayMoveReferral('referrer', true, 'closed')).toBe(true);
    expect(mayMoveReferral('referrer', false, 'accepted')).toBe(true);
    expect(mayMoveReferral('receiver', false, 'accepted')).toBe(false);
    for (const side of ['referrer', 'receiver'] as const)
      for (const status of ['draft', 'sent'] as const)
        expect(mayMoveReferral(side, true, status)).toBe(false);
  });

  it('the social map is maintained by the application manager and read by everyone but the analyst', () => {
    expect(ROLES.filter(managesSocialMap)).toEqual(['application_manager']);
    expect(ROLES.filter(readsSocialMap)).toEqual([
      'nurse',
      'physician',
      'team_lead',
      'imh_specialist',
      'application_manager',
    ]);
    expect(ROLES.filter(receivesReferrals)).toEqual(['imh_specialist']);
  });
});
