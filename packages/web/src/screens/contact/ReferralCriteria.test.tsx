// @vitest-environment happy-dom
import { knowledge, type ReferralCriterionCode } from '@nestwerk/knowledge';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { LocaleProvider } from '../../app/locale.tsx';
import { i18n } from '../../i18n/index.ts';
import type { ContactForm } from './form.ts';
import { ReferralCriteria } from './ReferralCriteria.tsx';

afterEach(cleanup);

function show(criteria: ContactForm['criteria'], unborn: boolean) {
  let form = { criteria } as ContactForm;
  render(
    <I18nextProvider i18n={i18n}>
      <LocaleProvider region="nl">
        <ReferralCriteria
          criteria={criteria}
          update={(change) => {
            form = change(form);
          }}
          unborn={unborn}
        />
      </LocaleProvider>
    </I18nextProvider>,
  );
  const box = (code: ReferralCriterionCode) => screen.getByRole('checkbox', { name: labelOf(code) });
  return { box, form: () => form };
}

const labelOf = (code: ReferralCriterionCode) =>
  knowledge.referralCriteria.find((c) => c.code === code)?.label.nl ?? code;

describe('the referral criteria', () => {
  it('offers all four once the child is born', () => {
    const { box } = show({}, false);
    for (const { code } of knowledge.referralCriteria)
      expect((box(code) as HTMLInputElement).disabled).toBe(false);
    expect(screen.queryByText('Pas na de geboorte te zien.')).toBeNull();
  });

  it('before the birth, keeps the two about the child in view but not for ticking, and says why', () => {
    const { box, form } = show({}, true);
    for (const code of ['regulation_problems_persistent', 'disturbed_parent_child_communication'] as const) {
      const input = box(code) as HTMLInputElement;
      expect(input.disabled).toBe(true);
      const why = input.getAttribute('aria-describedby')?.split(' ')[0] ?? '';
      expect(document.getElementById(why)?.textContent).toBe('Pas na de geboorte te zien.');
    }
    for (const code of ['parent_worry_or_overload_persistent', 'insufficient_jgz_support'] as const)
      expect((box(code) as HTMLInputElement).disabled).toBe(false);
    fireEvent.click(box('parent_worry_or_overload_persistent'));
    expect(form().criteria).toEqual({ parent_worry_or_overload_persistent: true });
  });

  it('lets an older draft’s tick on a child criterion be taken off before the birth', () => {
    const { box, form } = show({ disturbed_parent_child_communication: true }, true);
    const input = box('disturbed_parent_child_communication') as HTMLInputElement;
    expect(input.disabled).toBe(false);
    expect(input.checked).toBe(true);
    const why = input.getAttribute('aria-describedby')?.split(' ')[0] ?? '';
    expect(document.getElementById(why)?.textContent).toMatch(/haal het vinkje weg/);
    fireEvent.click(input);
    expect(form().criteria).toEqual({});
  });
});
