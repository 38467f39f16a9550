import { beforeAll, describe, expect, it } from 'vitest';
import { i18n, switchLanguage } from '../../i18n/index.ts';

/** The contact moment's new messages in the three catalogues: Dutch, Flemish (where it differs) and English. */
describe('finishing and advice wording', () => {
  beforeAll(async () => {
    await switchLanguage('en');
    await switchLanguage('nl');
  });

  it('says at the field what is missing, in each language', () => {
    const nl = i18n.getFixedT('nl');
    const be = i18n.getFixedT('nl-BE');
    const en = i18n.getFixedT('en');
    expect(nl('contact.agreement.errors.agreedBand')).toBe(
      'Kies de inschatting die je samen met de ouder hebt gemaakt, of kies "Niet besproken".',
    );
    expect(be('contact.agreement.errors.agreedBand')).toBe(nl('contact.agreement.errors.agreedBand'));
    expect(en('contact.agreement.errors.agreedBand')).toBe(
      'Choose the estimate you made together with the parent, or choose "Not discussed".',
    );
    expect(nl('contact.agreement.errors.followUpDue')).toContain('zet "Extra contact inplannen" uit');
    expect(be('contact.agreement.errors.followUpDue')).toContain('vink "Extra contact inplannen" uit');
    expect(nl('contact.agreement.errors.finishBlocked', { count: 1 })).toBe(
      'Nog niet afgerond: 1 veld moet nog ingevuld worden.',
    );
    expect(en('contact.agreement.errors.finishBlocked', { count: 2 })).toBe(
      'Not finished yet: 2 fields still need filling in.',
    );
  });

  it('names the follow-ups that a new date replaces: "vervolgafspraak" in the Netherlands, "opvolging" in Flanders', () => {
    const args = { count: 2, dates: '1 okt 2026, 3 nov 2026' };
    expect(i18n.getFixedT('nl')('contact.agreement.supersedes', args)).toBe(
      'Afronden sluit 2 open vervolgafspraken af (1 okt 2026, 3 nov 2026): deze nieuwe datum vervangt ze.',
    );
    expect(i18n.getFixedT('nl-BE')('contact.agreement.supersedes', args)).toBe(
      'Afronden sluit 2 open opvolgingen af (1 okt 2026, 3 nov 2026): deze nieuwe datum vervangt ze.',
    );
    expect(i18n.getFixedT('en')('contact.agreement.supersedes', { ...args, count: 1 })).toBe(
      'Finishing closes the open follow-up of 1 okt 2026, 3 nov 2026: this new date replaces it.',
    );
  });

  it('sums up the strongest next step: "verwijzing" in the Netherlands, "doorverwijzing" in Flanders', () => {
    const summary = (lng: string) => {
      const t = i18n.getFixedT(lng);
      return t('advice.summary.refer', {
        criteria: t('advice.summary.criteria', { count: 3 }),
        route: 'Infant Mental Health-team',
      });
    };
    expect(summary('nl')).toBe('3 van 4 verwijscriteria: bespreek verwijzing naar Infant Mental Health-team');
    expect(summary('nl-BE')).toBe(
      '3 van 4 verwijscriteria: bespreek een doorverwijzing naar Infant Mental Health-team',
    );
    expect(summary('en')).toBe('3 of 4 referral criteria: discuss a referral to Infant Mental Health-team');
  });
});
