// @vitest-environment happy-dom
import type { SharedReferral } from '@nestwerk/contract';
import { cleanup, render, screen, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { LocaleProvider } from '../../app/locale.tsx';
import { i18n } from '../../i18n/index.ts';
import { SharedReferralView } from './SharedReferralView.tsx';

afterEach(cleanup);

const shared: SharedReferral = {
  referralId: 'ref-1',
  region: 'be',
  basis: 'consent',
  items: ['reason', 'referrer', 'cues', 'factors'],
  reason: { criteria: [], imhReasons: [], text: 'Mama is uitgeput.' },
  referrer: { name: 'Lien Claes', organisation: 'Kind en Gezin', email: 'lien@example.test', phone: null },
  cues: [
    {
      code: 'child_no_comfort_seeking',
      label: 'Kind zoekt bij spanning de ouder niet op, of wel maar wordt niet rustig',
    },
    {
      code: 'parent_low_sensitivity',
      label: 'Ouder reageert weinig sensitief, of wisselt tussen sensitief en afwijzend',
    },
  ],
  factors: [
    { code: 'parent_stress', label: 'Ouder ervaart veel stress', kind: 'hindering' },
    { code: 'parent_depression', label: 'Ouder is depressief, ook na de bevalling', kind: 'hindering' },
    { code: 'social_network_support', label: 'Gezin heeft een steunend netwerk', kind: 'protective' },
  ],
};

function show() {
  render(
    <I18nextProvider i18n={i18n}>
      <LocaleProvider region="be">
        <SharedReferralView shared={shared} viewer="receiver" />
      </LocaleProvider>
    </I18nextProvider>,
  );
}

function details(term: string): HTMLElement {
  const dt = screen.getByText(term, { selector: 'dt' });
  return dt.nextElementSibling as HTMLElement;
}

describe('what a referral shares', () => {
  it('lists signals one per line, since their labels hold commas of their own', () => {
    show();
    const cues = within(details('Signalen')).getAllByRole('listitem');
    expect(cues.map((li) => li.textContent)).toEqual(shared.cues?.map((c) => c.label));
  });

  it('says which factors weigh on the family and which carry it', () => {
    show();
    const factors = details('Beschermende en risicofactoren');
    const groups = Array.from(factors.children).map((group) => ({
      kind: group.querySelector('p')?.textContent,
      items: Array.from(group.querySelectorAll('li')).map((li) => li.textContent),
    }));
    expect(groups).toEqual([
      {
        kind: 'Belemmerend (draaglast)',
        items: ['Ouder ervaart veel stress', 'Ouder is depressief, ook na de bevalling'],
      },
      { kind: 'Beschermend (draagkracht)', items: ['Gezin heeft een steunend netwerk'] },
    ]);
  });
});
