// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import type { WorklistItem } from '../../api/types.ts';
import { i18n } from '../../i18n/index.ts';
import { Flags } from './Flags.tsx';

const item: WorklistItem = {
  familyId: 'fam-1',
  name: 'Jansen',
  children: [],
  nextFollowUp: null,
  overdue: false,
  flags: {
    cumulativeRisk: false,
    problematicSuspected: false,
    safety: true,
    safetySignals: false,
    urgentScreening: false,
    feedbackOverdue: true,
    dueToday: false,
  },
  balance: null,
  lastContact: null,
  overdueFeedback: 2,
  safetyRoute: { id: 'route-1', currentStep: 3 },
  screeningsDue: 0,
};

/** The flags of one worklist row, in Dutch. */
async function show(row: WorklistItem) {
  await i18n.changeLanguage('nl');
  render(
    <I18nextProvider i18n={i18n}>
      <Flags item={row} />
    </I18nextProvider>,
  );
}

describe('worklist flags of the network', () => {
  afterEach(cleanup);

  it('names the safety route step first, then overdue feedback with its count', async () => {
    await show(item);
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Veiligheidsroute stap 3',
      'Terugkoppeling te laat (2)',
    ]);
  });

  it('names safety signals without a route as signals, never as an open route; one overdue referral plainly', async () => {
    await show({
      ...item,
      flags: { ...item.flags, safety: false, safetySignals: true },
      safetyRoute: null,
      overdueFeedback: 1,
    });
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Veiligheidssignalen vastgelegd',
      'Terugkoppeling te laat',
    ]);
  });

  it('shows the balance, so cumulative risk that strengths outweigh reads as such', async () => {
    await show({
      ...item,
      flags: { ...item.flags, safety: false, feedbackOverdue: false },
      safetyRoute: null,
      balance: { hindering: 2, protective: 6, tilt: 'strength_outweighs' },
    });
    expect(screen.queryAllByRole('listitem')).toEqual([]);
    expect(screen.getByText(/2 belastend · 6 beschermend — draagkracht weegt zwaarder/)).toBeTruthy();
    // Not "geen" above it: the burdens are worth a look, even when strengths outweigh them.
    expect(screen.queryByText('geen')).toBeNull();
  });

  it('says "geen" on a row with no flags and no burdens', async () => {
    await show({
      ...item,
      flags: { ...item.flags, safety: false, feedbackOverdue: false },
      balance: { hindering: 0, protective: 6, tilt: 'strength_outweighs' },
    });
    expect(screen.getByText('geen')).toBeTruthy();
  });

  it('counts the parents’ screening moments due or overdue', async () => {
    await show({
      ...item,
      flags: { ...item.flags, safety: false, feedbackOverdue: false },
      screeningsDue: 2,
    });
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual(['2 screenings ouders open']);
  });
});
