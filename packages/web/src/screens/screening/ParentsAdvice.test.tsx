// @vitest-environment happy-dom
import { assess, parseAssessmentInput } from '@nestwerk/engine';
import { knowledge } from '@nestwerk/knowledge';
import { cleanup, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { LocaleProvider } from '../../app/locale.tsx';
import { i18n } from '../../i18n/index.ts';
import { ParentsAdvice } from './ParentsAdvice.tsx';

afterEach(cleanup);

/** A mother with a factor of her own and no screening, as the engine assesses her. */
function assessment() {
  const input = parseAssessmentInput({
    child: { ageMonths: 4 },
    parents: [{ role: 'mother', factors: { parent_stress: 'present' } }],
  });
  if (!input.ok) throw new Error(input.error.message);
  return assess(input.value, knowledge);
}

function show(value: Parameters<typeof ParentsAdvice>[0]['assessment']) {
  render(
    <I18nextProvider i18n={i18n}>
      <MemoryRouter>
        <LocaleProvider region="nl">
          <ParentsAdvice
            assessment={value}
            caregivers={[{ id: 'p1', givenName: 'Julia', role: 'mother' }]}
            familyId="f1"
          />
        </LocaleProvider>
      </MemoryRouter>
    </I18nextProvider>,
  );
  return screen.getByTestId('parent-advice-0').textContent ?? '';
}

describe('each parent in the advice', () => {
  it('says in a contact moment that a parent is not screened', () => {
    const card = show(assessment());
    expect(card).toMatch(/Julia \(moeder\)/);
    expect(card).toMatch(/1 belemmerend/);
    expect(card).toMatch(/Niet gescreend/);
  });

  it('in the family file shows the parent’s own factors only: the screenings panel holds the current results', () => {
    const card = show({ balance: assessment().balance });
    expect(card).toMatch(/1 belemmerend/);
    expect(card).not.toMatch(/gescreend|Screening/);
  });
});
