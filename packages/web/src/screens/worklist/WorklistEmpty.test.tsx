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

describe('an empty worklist', () => {
  it('for someone with no families of their own, offers the team’s', () => {
    const onChange = show({ scope: 'mine', due: 'all', q: '', hasTeam: true });
    expect(screen.getByText('Er zijn (nog) geen gezinnen aan jou toegewezen.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Bekijk de gezinnen van je team' }));
    expect(onChange).toHaveBeenCalledWith({ scope: 'team' });
  });

  it('offers no team to someone without one', () => {
    show({ scope: 'mine', due: 'all', q: '', hasTeam: false });
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('names the search that found nothing and clears it first, before any other filter', () => {
    const onChange = show({ scope: 'team', due: 'today', q: 'Peeters', hasTeam: true });
    expect(screen.getByText('Geen gezin gevonden voor "Peeters".')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Toon alle gezinnen' }));
    expect(onChange).toHaveBeenCalledWith({ q: '' });
  });

  it('widens a follow-up filter to all follow-ups', () => {
    const onChange = show({ scope: 'mine', due: 'today', q: '', hasTeam: true });
    fireEvent.click(screen.getByRole('button', { name: 'Toon alle vervolgafspraken' }));
    expect(onChange).toHaveBeenCalledWith({ due: 'all' });
  });

  it('says so for a team with no families, with nothing wider to offer', () => {
    show({ scope: 'team', due: 'all', q: '', hasTeam: true });
    expect(screen.getByText('Er zijn (nog) geen gezinnen aan je team toegewezen.')).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
  });
});
