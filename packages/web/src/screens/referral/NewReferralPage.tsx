import type { NoConsentIn, ReferralIn } from '@nestwerk/contract';
import { knowledge } from '@nestwerk/knowledge';
import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { api } from '../../api/client.ts';
import { useLocale } from '../../app/locale.tsx';
import { ErrorNotice } from '../shared/ErrorNotice.tsx';
import { PartnerChoice } from './PartnerChoice.tsx';

/**
 * Starting a referral from a recommendation: partners that offer what is advised in the family's region
 * first, the reason, the parent's wishes and the basis (consent, or the five questions without it). Saving
 * makes a draft; the referral screen then shows exactly what would be shared before anything is sent.
 */
export default function NewReferralPage() {
  const { t } = useTranslation();
  const { know } = useLocale();
  const navigate = useNavigate();
  const { familyId = '' } = useParams();
  const [params] = useSearchParams();
  const recommendation = params.get('recommendation') ?? undefined;
  const contactId = params.get('contact') ?? undefined;
  const family = useQuery({
    queryKey: ['family', familyId],
    queryFn: () => api.call('GET /api/families/:id', { params: { id: familyId } }),
  });
  const options = useQuery({
    queryKey: ['referral-options', familyId, recommendation, contactId],
    queryFn: () =>
      api.call('GET /api/families/:id/referral-options', {
        params: { id: familyId },
        query: { recommendation, contactId },
      }),
  });
  // Partners that do not offer what is advised come after those that do: the nurse may know better.
  const allPartners = useQuery({
    queryKey: ['partners', 'for-referral'],
    queryFn: () => api.call('GET /api/partners', { query: { limit: 100 } }),
  });
  const [partnerId, setPartnerId] = useState('');
  const [childId, setChildId] = useState('');
  const [reasonText, setReasonText] = useState('');
  const [wishes, setWishes] = useState('');
  const [phone, setPhone] = useState('');
  const [basis, setBasis] = useState<'consent' | 'no_consent'>('consent');
  const [givenBy, setGivenBy] = useState('');
  const [purpose, setPurpose] = useState('');
  const [validUntil, setValidUntil] = useState('');
  const [answers, setAnswers] = useState<NoConsentIn>({});
  const [missing, setMissing] = useState(false);

  const create = useMutation({
    mutationFn: (body: ReferralIn) =>
      api.call('POST /api/families/:id/referrals', { params: { id: familyId }, body }),
    onSuccess: (referral) => navigate(`/referrals/${referral.id}`),
  });

  if (family.isError) return <ErrorNotice error={family.error} />;
  if (!family.data) {
    return (
      <p role="status" className="loading">
        {t('app.loading')}
      </p>
    );
  }
  const f = family.data;
  const matched = new Set(options.data?.items.map((p) => p.id));
  const others = (allPartners.data?.items ?? []).filter((p) => !matched.has(p.id));
  const chosen =
    options.data?.items.find((p) => p.id === partnerId) ?? others.find((p) => p.id === partnerId);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!partnerId) {
      setMissing(true);
      return;
    }
    const body: ReferralIn = {
      partnerId,
      ...(f.children.length > 1 ? { childId: childId || f.children[0]?.id } : {}),
      ...(contactId ? { contactId } : {}),
      ...(recommendation && !recommendation.includes(',') ? { recommendationId: recommendation } : {}),
      ...(reasonText.trim() ? { reasonText: reasonText.trim() } : {}),
      ...(wishes.trim() ? { parentWishes: wishes.trim() } : {}),
      ...(phone.trim() ? { referrerPhone: phone.trim() } : {}),
      ...(basis === 'consent'
        ? {
            consent: {
              givenBy: givenBy || f.caregivers[0]?.id || '',
              purpose,
              ...(validUntil ? { validUntil } : {}),
            },
          }
        : { noConsent: answers }),
    };
    create.mutate(body);
  };

  return (
    <>
      <div className="page-head">
        <p className="eyebrow">{t('network.referral.forFamily', { name: f.name })}</p>
        <h1>{t('network.referral.title')}</h1>
      </div>
      <form className="form referral-form" onSubmit={submit} noValidate>
        <section className="panel" aria-labelledby="referral-partner">
          <h2 id="referral-partner">{t('network.referral.partnerStep')}</h2>
          {options.isError && <ErrorNotice error={options.error} />}
          {options.data && (
            <PartnerChoice
              options={options.data}
              others={others}
              value={partnerId}
              onChange={(id) => {
                setPartnerId(id);
                setMissing(false);
              }}
            />
          )}
          {missing && (
            <p className="field__error" role="alert">
              {t('network.referral.choosePartnerFirst')}
            </p>
          )}
        </section>

        <section className="panel" aria-labelledby="referral-reason">
          <h2 id="referral-reason">{t('network.referral.reasonStep')}</h2>
          {f.children.length > 1 && (
            <div className="field">
              <label htmlFor="referral-child">{t('worklist.columns.children')}</label>
              <select id="referral-child" value={childId} onChange={(e) => setChildId(e.target.value)}>
                {f.children.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.givenName}
                  </option>
                ))}
              </select>
            </div>
          )}
          <p className="hint">{t('network.referral.reasonHint')}</p>
          <div className="field">
            <label htmlFor="referral-reason-text">{t('network.referral.reasonText')}</label>
            <textarea
              id="referral-reason-text"
              rows={3}
              value={reasonText}
              onChange={(e) => setReasonText(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor="referral-wishes">{t('network.referral.wishes')}</label>
            <textarea
              id="referral-wishes"
              rows={2}
              value={wishes}
              onChange={(e) => setWishes(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor="referral-phone">{t('network.referral.phone')}</label>
            <input id="referral-phone" type="tel" value={phone} onChange={(e) => setPhone(e.target.value)} />
          </div>
        </section>

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
                  onChange={() => setBasis(value)}
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
              {chosen && <p>{t('network.referral.consentFor', { partner: chosen.name })}</p>}
              <div className="field">
                <label htmlFor="consent-given-by">{t('network.referral.givenBy')}</label>
                <select
                  id="consent-given-by"
                  required
                  value={givenBy || f.caregivers[0]?.id || ''}
                  onChange={(e) => setGivenBy(e.target.value)}
                >
                  {f.caregivers.map((c) => (
                    <option key={c.id} value={c.id}>
                      {[c.givenName, c.familyName].filter(Boolean).join(' ')}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor="consent-purpose">{t('network.referral.purpose')}</label>
                <input
                  id="consent-purpose"
                  type="text"
                  required
                  value={purpose}
                  onChange={(e) => setPurpose(e.target.value)}
                />
              </div>
              <div className="field">
                <label htmlFor="consent-until">{t('network.referral.validUntil')}</label>
                <input
                  id="consent-until"
                  type="date"
                  value={validUntil}
                  onChange={(e) => setValidUntil(e.target.value)}
                />
              </div>
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
                    onChange={(e) => setAnswers((a) => ({ ...a, [code]: e.target.value }))}
                  />
                </div>
              ))}
            </>
          )}
        </section>
        {create.isError && <ErrorNotice error={create.error} />}
        <div className="actions">
          <button type="submit" className="button button--primary" disabled={create.isPending}>
            {t('network.referral.create')}
          </button>
        </div>
      </form>
    </>
  );
}
