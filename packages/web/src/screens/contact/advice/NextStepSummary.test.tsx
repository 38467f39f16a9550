// @vitest-environment happy-dom
import { assess, parseAssessmentInput } from '@nestwerk/engine';
import { knowledge } from '@nestwerk/knowledge';
import { cleanup, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { LocaleProvider } from '../../../app/locale.tsx';
import { i18n } from '../../../i18n/index.ts';
import { NextStepSummary } from './NextStepSummary.tsx';

afterEach(cleanup);

function headline(raw: Parameters<typeof parseAssessmentInput>[0]): string {
  const parsed = parseAssessmentInput(raw);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
  const assessment = assess(parsed.value, knowledge);
  render(
    <I18nextProvider i18n={i18n}>
      <LocaleProvider region={parsed.value.region}>
        <NextStepSummary assessment={assessment} />
      </LocaleProvider>
    </I18nextProvider>,
  );
  return screen.getByTestId('advice-summary-headline').textContent ?? '';
}

describe('the strongest next step', () => {
  it('in Flanders names the one IMH signal behind a referral, not "0 van 4" criteria', () => {
    const text = headline({
      region: 'be',
      child: { ageMonths: 4 },
      factors: { parent_depression: 'present' },
    });
    expect(text).toBe('1 signaal voor het IMH-team: bespreek een doorverwijzing naar Baby-peuterteam');
    expect(text).not.toMatch(/verwijscriteria/);
  });

  it('in the Netherlands counts the referral criteria that tipped it', () => {
    const text = headline({
      region: 'nl',
      child: { ageMonths: 4 },
      criteria: { regulation_problems_persistent: true, parent_worry_or_overload_persistent: true },
    });
    expect(text).toMatch(/^2 van 4 verwijscriteria: bespreek verwijzing naar /);
  });
});
