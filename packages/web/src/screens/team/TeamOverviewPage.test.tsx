// @vitest-environment happy-dom
import type { TeamOverview } from '@nestwerk/contract';
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mockServer, renderAt } from '../../testing/render.tsx';
import TeamOverviewPage, { FAMILIES_STEP } from './TeamOverviewPage.tsx';

const routes = [{ path: '/team', element: <TeamOverviewPage /> }];

function overview(families: number, total = families): TeamOverview {
  return {
    today: '2026-12-03',
    nurses: [{ userId: 'nurse-1', name: 'Anna', caseload: families, due: 0, overdue: 0, contactOverdue: 0 }],
    families: Array.from({ length: families }, (_, i) => ({
      familyId: `fam-${i}`,
      name: `Gezin ${i}`,
      nurseIds: ['nurse-1'],
      nextFollowUp: null,
      overdue: i % 2 === 0,
      lastContact: null,
      daysWithoutContact: null,
      contactOverdue: false,
      safetyRouteOpen: false,
      urgentScreening: false,
      overdueFeedback: 0,
      screeningsDue: 0,
    })),
    total,
    waitingReferrals: [],
  };
}

const familyRows = () =>
  within(screen.getByRole('table', { name: 'Gezinnen van het team' })).getAllByRole('rowheader');
const rows = () => familyRows().length;

describe('team overview families', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('shows a large caseload a hundred families at a time, the most urgent first', async () => {
    mockServer(() => ({ status: 200, body: overview(250) }));
    renderAt('/team', routes);
    await screen.findByText('100 van 250 gezinnen, de dringendste bovenaan.');
    expect(rows()).toBe(FAMILIES_STEP);
    expect(familyRows()[0]?.textContent).toBe('Gezin 0');
    fireEvent.click(screen.getByRole('button', { name: 'Toon nog 100 gezinnen' }));
    expect(rows()).toBe(200);
    fireEvent.click(screen.getByRole('button', { name: 'Toon nog 50 gezinnen' }));
    expect(rows()).toBe(250);
    expect(screen.queryByRole('button', { name: /Toon nog/ })).toBeNull();
    expect(screen.queryByText(/te veel voor één overzicht/)).toBeNull();
  });

  it("names each of a family's nurses on a line of their own and says why a family is listed early", async () => {
    const data = overview(2);
    data.nurses.push({
      userId: 'nurse-2',
      name: 'Pieter Smit, jeugdarts',
      caseload: 1,
      due: 0,
      overdue: 0,
      contactOverdue: 0,
    });
    data.nurses[0] = { ...data.nurses[0]!, name: 'Sanne de Boer, verpleegkundige' };
    data.families[0] = { ...data.families[0]!, nurseIds: ['nurse-1', 'nurse-2'], overdueFeedback: 2 };
    mockServer(() => ({ status: 200, body: data }));
    renderAt('/team', routes);
    const table = await screen.findByRole('table', { name: 'Gezinnen van het team' });
    const first = within(table).getAllByRole('row')[1] as HTMLElement;
    expect(
      within(first)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Sanne de Boer, verpleegkundige', 'Pieter Smit, jeugdarts', 'Terugkoppeling te laat (2)']);
    const second = within(table).getAllByRole('row')[2] as HTMLElement;
    expect(within(second).queryByText(/Terugkoppeling te laat/)).toBeNull();
  });

  it('starts a new selection at its first rows, and says when the server listed only part of the team', async () => {
    mockServer(() => ({ status: 200, body: overview(250, 30_000) }));
    renderAt('/team', routes);
    await screen.findByText(/Het team heeft 30000 gezinnen: .* Hier staan de 250 dringendste/);
    fireEvent.click(screen.getByRole('button', { name: 'Toon nog 100 gezinnen' }));
    expect(rows()).toBe(200);
    // The flag filter: 125 of the 250 are overdue, and the list starts again at 100 of them.
    fireEvent.click(screen.getByRole('button', { name: /afspraken te laat/ }));
    expect(rows()).toBe(FAMILIES_STEP);
    expect(screen.getByText('100 van 125 gezinnen, de dringendste bovenaan.')).toBeTruthy();
  });
});
