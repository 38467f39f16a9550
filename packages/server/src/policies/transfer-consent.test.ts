import { SHARE_ITEMS } from '@nestwerk/knowledge';
import { describe, expect, it } from 'vitest';
import { transferConsentRefusal } from './transfer-consent.ts';

const whole = { withdrawn_at: null, valid_until: null, scope_items_json: JSON.stringify(SHARE_ITEMS) };

describe('transferConsentRefusal', () => {
  it('lets a valid consent over the whole file carry a transfer', () => {
    expect(transferConsentRefusal(whole, '2026-05-01')).toBeNull();
    expect(transferConsentRefusal({ ...whole, valid_until: '2026-05-01' }, '2026-05-01')).toBeNull();
  });

  it('refuses a withdrawn consent before anything else', () => {
    expect(
      transferConsentRefusal(
        { withdrawn_at: '2026-04-01T10:00:00.000Z', valid_until: '2020-01-01', scope_items_json: null },
        '2026-05-01',
      ),
    ).toEqual({ code: 'consent_withdrawn' });
  });

  it('refuses an expired consent', () => {
    expect(transferConsentRefusal({ ...whole, valid_until: '2026-04-30' }, '2026-05-01')).toEqual({
      code: 'consent_expired',
    });
  });

  it('refuses a consent that leaves out part of the file, naming what is missing', () => {
    expect(
      transferConsentRefusal(
        { ...whole, scope_items_json: JSON.stringify(['child_age', 'reason']) },
        '2026-05-01',
      ),
    ).toEqual({
      code: 'consent_scope',
      missing: SHARE_ITEMS.filter((i) => i !== 'child_age' && i !== 'reason'),
    });
  });

  it('refuses a legacy consent, whose free-text scope covers nothing', () => {
    expect(transferConsentRefusal({ ...whole, scope_items_json: null }, '2026-05-01')).toEqual({
      code: 'consent_scope',
      missing: [...SHARE_ITEMS],
    });
  });
});
