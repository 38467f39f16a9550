// @vitest-environment happy-dom
import type { FamilyFile } from '@nestwerk/contract';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { LocaleProvider } from '../../app/locale.tsx';
import { i18n, storeLang } from '../../i18n/index.ts';
import { family } from '../../testing/render.tsx';
import { ImportedBadge, ImportedFamilyNotice } from './ImportedMarker.tsx';

const consent = (id: string, recipient: string, recipientPartnerId: string | null) => ({
  id,
  givenBy: { id: 'p1', name: 'Eva Jansen' },
  purpose: 'Verwijzing',
  recipient,
  recipientPartnerId,
  recipientKind: null,
  scope: null,
  scopeNote: null,
  legacy: recipientPartnerId === null,
  givenAt: '2026-03-01T09:00:00.000Z',
  validUntil: null,
  withdrawnAt: null,
  status: 'active' as const,
  recordedBy: 'user-1',
  version: 1,
});

const imported: FamilyFile = {
  ...family,
  consents: [consent('k1', 'Ouder-kindteam Noord', 'partner-1'), consent('k2', 'Huisarts Bos', null)],
  imported: {
    organisation: 'JGZ Zuid',
    importedAt: '2026-11-30T10:00:00.000Z',
    records: { contacts: ['c1'], agreements: [], consents: ['k1', 'k2'], referrals: [], screenings: [] },
  },
};

function wrap(children: ReactNode) {
  return (
    <I18nextProvider i18n={i18n}>
      <LocaleProvider region="nl">{children}</LocaleProvider>
    </I18nextProvider>
  );
}

describe('where imported records came from', () => {
  afterEach(() => {
    cleanup();
    storeLang('nl');
  });

  it('names the sender and the date on the family, and marks a consent to an unknown recipient external', async () => {
    storeLang('nl');
    render(wrap(<ImportedFamilyNotice family={imported} />));
    expect(screen.getByTestId('imported-family').textContent).toContain('Dossier geïmporteerd uit JGZ Zuid');
    expect(screen.getByTestId('imported-consent-k2').textContent).toContain('extern');
    expect(screen.getByTestId('imported-consent-k1').textContent).not.toContain('extern');
  });

  it('marks only the records that came with the import, in English too', async () => {
    // The user's language choice, as the app stores it: the locale provider reads it when it mounts.
    storeLang('en');
    render(
      wrap(
        <>
          <ImportedBadge marker={imported.imported} kind="contacts" id="c1" />
          <ImportedBadge marker={imported.imported} kind="contacts" id="c2" />
        </>,
      ),
    );
    // The language switches when the provider mounts; the badge follows on the next render.
    await waitFor(() =>
      expect(screen.getByTestId('imported-contacts-c1').textContent).toContain('imported from JGZ Zuid'),
    );
    expect(screen.queryByTestId('imported-contacts-c2')).toBeNull();
  });

  it('shows nothing for a family registered here', async () => {
    const { container } = render(wrap(<ImportedFamilyNotice family={family} />));
    expect(container.textContent).toBe('');
  });
});
