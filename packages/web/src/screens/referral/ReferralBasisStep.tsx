import type { Consent, FamilyFile, NoConsentIn } from '@nestwerk/contract';
import { DEFAULT_SHARE_ITEMS, knowledge, SHARE_ITEMS, type ShareItem } from '@nestwerk/knowledge';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../app/locale.tsx';
import { dayOf } from '../../lib/dates.ts';

/** A consent recorded together with the referral: who gave it, for what, until when, to share what. */
export interface NewConsentDraft {
  givenBy: string;
  purpose: string;
  validUntil: string;
  scope: ShareItem[];
}

// Who gave the consent is the nurse's statement, never a default: no parent is preselected.
export const EMPTY_DRAFT: NewConsentDraft = {
  givenBy: '',
  purpose: '',
  validUntil: '',
  scope: [...DEFAULT_SHARE_ITEMS],
};

/**
 * The referral's basis: the parent's consent (one already given for this partner, or a new one recorded here)
 * or, without it, the five questions the sharing guideline asks before sharing without consent.
 */
export function ReferralBasisStep({
  basis,
  onBasis,
  usable,
  existing,
  onConsent,
  partnerName,
  caregivers,
  draft,
  onDraft,
  givenByMissing,
  answers,
  onAnswers,
}: {
  basis: 'consent' | 'no_consent';
  onBasis(basis: 'consent' | 'no_consent'): void;
  /** The family's active consents that can carry a referral to the chosen partner. */
  usable: readonly Consent[];
  /** The one of them chosen; none records a new consent. */
  existing: Consent | undefined;
  onConsent(id: string): void;
  partnerName: string | undefined;
  caregivers: FamilyFile['caregivers'];
  draft: NewConsentDraft;
  onDraft(patch: Partial<NewConsentDraft>): void;
  givenByMissing: boolean;
  answers: NoConsentIn;
  onAnswers(answers: NoConsentIn): void;
}) {
  const { t } = useTranslation();
  const { know, date } = useLocale();
  return (
    <section className="panel" aria-labelledby="referral-basis">
      <h2 id="referral-basis">{t('network.referral.basisStep')}</h2>
      <fieldset className="segmented">
        <legend className="visually-hidden">{t('network.referral.basisStep')}</legend>
        {(['consent', 'no_consent'] as const).map((value) => (
          <label key={value} className="segmented__option">
            <input
              type="radio"
              name="basis"
              value={value}
              checked={basis === value}
              onChange={() => onBasis(value)}
            />
            <span>
              {value === 'consent'
                ? t('network.referral.basisConsent')
                : t('network.referral.basisNoConsent')}
            </span>
          </label>
        ))}
      </fieldset>
      {basis === 'consent' ? (
        <>
          {usable.length > 0 && (
            <fieldset className="field" data-testid="existing-consents">
              <legend>{t('network.referral.existingConsents')}</legend>
              {usable.map((c) => (
                <label key={c.id} className="check">
                  <input
                    type="radio"
                    name="consent-choice"
                    value={c.id}
                    checked={existing?.id === c.id}
                    onChange={() => onConsent(c.id)}
                  />
                  <span>
                    <strong>{c.purpose}</strong> — {c.recipient}
                    <br />
                    {t('network.referral.consentGiven', {
                      givenBy: c.givenBy.name ?? '—',
                      on: date(dayOf(c.givenAt)),
                      until: c.validUntil ? date(c.validUntil) : t('network.referral.noEnd'),
                    })}
                    <br />
                    <span className="muted">
                      {t('network.referral.consentScope')}{' '}
                      {(c.scope ?? []).map((i) => t(`network.items.${i}`)).join(', ')}
                    </span>
                  </span>
                </label>
              ))}
              <label className="check">
                <input
                  type="radio"
                  name="consent-choice"
                  value=""
                  checked={!existing}
                  onChange={() => onConsent('')}
                />
                <span>{t('network.referral.newConsent')}</span>
              </label>
            </fieldset>
          )}
          {!existing && (
            <>
              {partnerName && <p>{t('network.referral.consentFor', { partner: partnerName })}</p>}
              <div className="field">
                <label htmlFor="consent-given-by">{t('network.referral.givenBy')}</label>
                <select
                  id="consent-given-by"
                  required
                  aria-invalid={givenByMissing || undefined}
                  aria-describedby={givenByMissing ? 'consent-given-by-error' : undefined}
                  value={draft.givenBy}
                  onChange={(e) => onDraft({ givenBy: e.target.value })}
                >
                  <option value="" disabled>
                    {t('network.referral.givenByChoose')}
                  </option>
                  {caregivers.map((c) => (
                    <option key={c.id} value={c.id}>
                      {[c.givenName, c.familyName].filter(Boolean).join(' ')}
                    </option>
                  ))}
                </select>
                {givenByMissing && (
                  <p className="field__error" id="consent-given-by-error" role="alert">
                    {t('network.referral.givenByMissing')}
                  </p>
                )}
              </div>
              <div className="field">
                <label htmlFor="consent-purpose">{t('network.referral.purpose')}</label>
                <input
                  id="consent-purpose"
                  type="text"
                  required
                  value={draft.purpose}
                  onChange={(e) => onDraft({ purpose: e.target.value })}
                />
              </div>
              <div className="field">
                <label htmlFor="consent-until">{t('network.referral.validUntil')}</label>
                <input
                  id="consent-until"
                  type="date"
                  value={draft.validUntil}
                  onChange={(e) => onDraft({ validUntil: e.target.value })}
                />
              </div>
              <fieldset className="field" data-testid="consent-scope">
                <legend>{t('network.referral.scope')}</legend>
                <p className="hint">{t('network.referral.scopeHint')}</p>
                {SHARE_ITEMS.map((item) => {
                  const always = item === 'reason' || item === 'referrer';
                  return (
                    <label key={item} className="check">
                      <input
                        type="checkbox"
                        checked={always || draft.scope.includes(item)}
                        disabled={always}
                        onChange={(e) =>
                          onDraft({
                            scope: e.target.checked
                              ? [...draft.scope, item]
                              : draft.scope.filter((i) => i !== item),
                          })
                        }
                      />
                      <span>{t(`network.items.${item}`)}</span>
                    </label>
                  );
                })}
              </fieldset>
            </>
          )}
        </>
      ) : (
        <>
          <p className="notice notice--warning" role="note">
            {t('network.referral.noConsentWarning')}
          </p>
          {knowledge.sharingQuestions.map(({ code, question }) => (
            <div className="field" key={code}>
              <label htmlFor={`no-consent-${code}`}>{know(question)}</label>
              <textarea
                id={`no-consent-${code}`}
                rows={2}
                value={answers[code] ?? ''}
                onChange={(e) => onAnswers({ ...answers, [code]: e.target.value })}
              />
            </div>
          ))}
        </>
      )}
    </section>
  );
}
