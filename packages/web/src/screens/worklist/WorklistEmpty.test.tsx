// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../../i18n/index.ts';
import { WorklistEmpty } from './WorklistEmpty.tsx';

afterEach(cleanup);

type Props = Parameters<typeof WorklistEmpty>[0];

function show(props: Omit<Props, 'onChange'>) {
  const onChange = vi.fn();
  render(
    <I18nextProvider i18n={i18n}>
      <WorklistEmpty {...props} onChange={onChange} />
    </I18nextProvider>,
  );
  return onChange;
}

/** What the empty state asks for when its one button is pressed. */
function press(props: Omit<Props, 'onChange'>, button: string) {
  const onChange = show(props);
  fireEvent.click(screen.getByRole('button', { name: button }));
  return onChange.mock.calls;
}

describe('an empty worklist', () => {
  it('for someone with no families of their own, offers the team’s', () => {
    const none = { scope: 'mine', due: 'all', q: '', hasTeam: true } as const;
    expect(press(none, 'Bekijk de gezinnen van je team')).toEqual([[{ scope: 'team' }]]);
    expect(screen.getByText('Er zijn (nog) geen gezinnen aan jou toegewezen.')).toBeTruthy();
  });

  it('offers no team to someone without one', () => {
    show({ scope: 'mine', due: 'all', q: '', hasTeam: false });
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('names the search that found nothing and clears it first, before any other filter', () => {
    const searched = { scope: 'team', due: 'today', q: 'Peeters', hasTeam: true } as const;
    expect(press(searched, 'Toon alle gezinnen')).toEqual([[{ q: '' }]]);
    expect(screen.getByText('Geen gezin gevonden voor "Peeters".')).toBeTruthy();
  });

  it('widens a follow-up filter to all follow-ups', () => {
    const today = { scope: 'mine', due: 'today', q: '', hasTeam: true } as const;
    expect(press(today, 'Toon alle vervolgafspraken')).toEqual([[{ due: 'all' }]]);
  });

  it('says so for a team with no families, with nothing wider to offer', () => {
    show({ scope: 'team', due: 'all', q: '', hasTeam: true });
    expect(screen.getByText('Er zijn (nog) geen gezinnen aan je team toegewezen.')).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
  });
});
