import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client.ts';
import { en } from '../i18n/en.ts';
import { i18n } from '../i18n/index.ts';
import { familyInputId } from '../screens/register/validate.ts';
import { issueMessage, serverFieldErrors } from './field-errors.ts';

i18n.addResourceBundle('en', 'translation', en);
const nl = i18n.getFixedT('nl');
const be = i18n.getFixedT('nl-BE');
const english = i18n.getFixedT('en');

const rejected = new ApiError(400, {
  error: 'invalid_input',
  field: 'children.0.familyName',
  message: 'children.0.familyName: Too big: expected string to have <=100 characters',
  issues: [
    { path: 'children.0.familyName', code: 'too_long', params: { max: 100 } },
    { path: 'postcode', code: 'invalid_postcode' },
    { path: 'agreement.followUpDue', code: 'date_order', params: { after: 'date' } },
  ],
});

describe('field errors', () => {
  it('says each issue in the user’s language, with its limit', () => {
    expect(issueMessage({ path: 'x', code: 'too_long', params: { max: 100 } }, nl)).toBe(
      'Gebruik hoogstens 100 tekens.',
    );
    expect(issueMessage({ path: 'x', code: 'too_long', params: { max: 1 } }, nl)).toBe(
      'Gebruik hoogstens 1 teken.',
    );
    expect(issueMessage({ path: 'x', code: 'too_long', params: { max: 100 } }, english)).toBe(
      'Use at most 100 characters.',
    );
    expect(issueMessage({ path: 'x', code: 'invalid_postcode' }, be)).toMatch(/^Vul een postnummer in/);
    expect(issueMessage({ path: 'x', code: 'date_order' }, nl)).toBe(
      'Deze datum ligt voor de datum van het contact.',
    );
  });

  it('never shows the server’s English for a code it does not know', () => {
    expect(issueMessage({ path: 'x', code: 'brand_new_rule' }, nl)).toBe('Controleer dit veld.');
  });

  it('places every issue at its input at once and names the paths it placed', () => {
    const { fields, shown } = serverFieldErrors(rejected, nl, familyInputId);
    expect(fields).toEqual({
      'child-family': 'Gebruik hoogstens 100 tekens.',
      'family-postcode': 'Vul een postcode in zoals 1234 AB (of 1000 in België).',
    });
    expect(shown).toEqual(['children.0.familyName', 'postcode']);
  });

  it('has a message for every code in all three catalogues', () => {
    for (const t of [nl, be, english])
      for (const code of ['required', 'too_short', 'in_future', 'in_past', 'taken', 'invalid_phone'])
        expect(issueMessage({ path: 'x', code, params: { min: 2 } }, t)).not.toBe(
          t('app.fieldErrors.invalid'),
        );
  });
});
