// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { family, mockServer, renderAt, session } from '../../testing/render.tsx';
import ContactPage from './ContactPage.tsx';

const routes = [
  { path: '/families/:familyId/contacts/new', element: <ContactPage /> },
  { path: '/contacts/:contactId', element: <ContactPage /> },
  { path: '/families/:familyId', element: <p>family file</p> },
];

function checkbox(name: RegExp): HTMLInputElement {
  return screen.getByRole('checkbox', { name }) as HTMLInputElement;
}

describe('contact moment', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('updates the live advice as cues and criteria are ticked', async () => {
    mockServer((method, path) =>
      method === 'GET' && path === '/api/families/fam-1' ? { status: 200, body: family } : { status: 404 },
    );
    renderAt('/families/fam-1/contacts/new?child=child-1', routes);
    const panel = await screen.findByTestId('advice-panel');
    expect(within(panel).getByTestId('advice-band').textContent).toBe('Nog onduidelijk');

    fireEvent.click(checkbox(/laat zich door de ouder troosten/i));
    fireEvent.click(checkbox(/ontspannen met elkaar om/i));
    expect(within(panel).getByTestId('advice-band').textContent).toBe('Veilig');

    fireEvent.click(checkbox(/blijvend problemen met de regulatie/i));
    fireEvent.click(checkbox(/blijft ongerust/i));
    expect(within(panel).getByTestId('recommendation-refer_outside')).toBeTruthy();
    expect(within(panel).getByTestId('advice-criteria').textContent).toMatch(/2 van 4/);
  });

  it('keeps a draft in the browser and restores it after a reload', async () => {
    mockServer((method, path) =>
      method === 'GET' && path === '/api/families/fam-1' ? { status: 200, body: family } : { status: 404 },
    );
    const first = renderAt('/families/fam-1/contacts/new', routes);
    await screen.findByTestId('advice-panel');
    fireEvent.click(checkbox(/samen plezier/i));
    first.unmount();

    renderAt('/families/fam-1/contacts/new', routes);
    await screen.findByTestId('advice-panel');
    expect(checkbox(/samen plezier/i).checked).toBe(true);
    expect(screen.getByText(/teruggezet uit deze browser/)).toBeTruthy();
  });

  it('shows a colleague’s version on a 409 and saves mine only when I choose so', async () => {
    const contact = {
      id: 'c-1',
      familyId: 'fam-1',
      childId: 'child-1',
      type: 'consult',
      date: '2026-03-15',
      status: 'draft',
      cues: {},
      factors: {},
      criteria: {},
      version: 1,
    };
    const theirs = {
      ...contact,
      version: 2,
      cues: { relaxed_contact: true },
      professional: { id: 'u2', displayName: 'Bram Peeters' },
      updatedAt: '2026-03-15T10:00:00Z',
    };
    const { calls } = mockServer((method, path, body) => {
      if (method === 'GET' && path === '/api/families/fam-1') return { status: 200, body: family };
      if (method === 'GET' && path === '/api/contacts/c-1')
        return { status: 200, body: { contact, assessment: {} } };
      if (method === 'PUT' && path === '/api/contacts/c-1') {
        const version = (body as { version: number }).version;
        if (version === 1)
          return { status: 409, body: { error: 'conflict', message: 'stale', current: { contact: theirs } } };
        return {
          status: 200,
          body: { contact: { ...theirs, ...(body as object), version: 3 }, assessment: {} },
        };
      }
      return { status: 404 };
    });
    renderAt('/contacts/c-1', routes);
    await screen.findByTestId('advice-panel');
    fireEvent.click(checkbox(/samen plezier/i));
    fireEvent.click(screen.getByRole('button', { name: 'Tussentijds opslaan' }));

    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText(/Versie van Bram Peeters/, { selector: 'strong' })).toBeTruthy();
    expect(within(dialog).getByText(/Ouder en kind gaan ontspannen/)).toBeTruthy();
    expect(calls.filter((c) => c.method === 'PUT')).toHaveLength(1);

    fireEvent.click(within(dialog).getByRole('button', { name: /Mijn versie opslaan/ }));
    await waitFor(() => expect(calls.filter((c) => c.method === 'PUT')).toHaveLength(2));
    const second = calls.filter((c) => c.method === 'PUT')[1]?.body as { version: number; cues: object };
    expect(second.version).toBe(2);
    expect(second.cues).toEqual({ shared_enjoyment: true });
    expect(session.csrfToken).toBe('csrf-1');
  });
});
