import type { Consent, NoConsentIn, ReferralIn } from '@nestwerk/contract';
import { consentMismatch, normaliseScope } from '@nestwerk/engine';
import { DEFAULT_SHARE_ITEMS, type ShareItem } from '@nestwerk/knowledge';
import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import { ApiError, api } from '../../api/client.ts';
import { ErrorNotice } from '../shared/ErrorNotice.tsx';
import { PartnerChoice } from './PartnerChoice.tsx';
import { EMPTY_DRAFT, type NewConsentDraft, ReferralBasisStep } from './ReferralBasisStep.tsx';

/**
 * The family's active consents that may carry a referral to this partner: given for it (by id, or its kind and
 * name) and with a recorded scope. The referral then shares at most what the consent covers.
 */
function consentsFor(consents: readonly Consent[], partner: { id: string; kind: string; name: string }) {
  return consents.filter((c) => {
    if (c.status !== 'active') return false;
    const mismatch = consentMismatch(
      {
        recipient: { partnerId: c.recipientPartnerId, kind: c.recipientKind, name: c.recipient },
        scope: c.scope,
      },
      partner,
      [],
    );
    return mismatch === null;
  });
}

/** What a referral on this consent shares by default: the minimum, within the consent's scope. */
function itemsWithin(scope: readonly ShareItem[]): ShareItem[] {
  return normaliseScope(DEFAULT_SHARE_ITEMS.filter((i) => scope.includes(i)));
}

/**
 * Starting a referral from a recommendation: partners that offer what is advised in the family's region
 * first, the reason, the parent's wishes and the basis (consent, or the five questions without it). Saving
 * makes a draft; the referral screen then shows exactly what would be shared before anything is sent.
 */
export default function NewReferralPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { familyId = '' } = useParams();
  const [params] = useSearchParams();
  const recommendation = params.get('recommendation') ?? undefined;
  const contactId = params.get('contact') ?? undefined;
  const family = useQuery({
    queryKey: ['family', familyId],
    queryFn: () => api.call('GET /api/families/:id', { params: { id: familyId } }),
  });
  // A recommendation the stored contact does not hold (advice that changed since) is no dead end: the
  // partners for everything the contact advises are offered instead, and the page says so.
  const options = useQuery({
    queryKey: ['referral-options', familyId, recommendation, contactId],
    queryFn: async () => {
      const ask = (rec: string | undefined) =>
        api.call('GET /api/families/:id/referral-options', {
          params: { id: familyId },
          query: { recommendation: rec, contactId },
        });
      try {
        return { ...(await ask(recommendation)), unknownRecommendation: false };
      } catch (err) {
        if (!(recommendation && err instanceof ApiError && err.field === 'recommendation')) throw err;
        return { ...(await ask(undefined)), unknownRecommendation: true };
      }
    },
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
  const [draft, setDraft] = useState<NewConsentDraft>(EMPTY_DRAFT);
  const [answers, setAnswers] = useState<NoConsentIn>({});
  // '' records a new consent with the referral; otherwise the id of an existing consent for this partner.
  const [consentId, setConsentId] = useState('');
  const [missing, setMissing] = useState(false);
  const [givenByMissing, setGivenByMissing] = useState(false);
  const location = useLocation();
  const contactSaved = (location.state as { contactSaved?: boolean } | null)?.contactSaved === true;

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
  const partnerOf = (id: string) =>
    options.data?.items.find((p) => p.id === id) ?? others.find((p) => p.id === id);
  const chosen = partnerOf(partnerId);
  const usable = chosen ? consentsFor(f.consents, chosen) : [];
  const existing = usable.find((c) => c.id === consentId);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const needsGiver = basis === 'consent' && !existing && !draft.givenBy;
    setMissing(!partnerId);
    setGivenByMissing(needsGiver);
    if (!partnerId || needsGiver) {
      const first = document.getElementById(!partnerId ? 'referral-partner' : 'consent-given-by');
      first?.scrollIntoView({ block: 'center' });
      if (partnerId) first?.focus();
      return;
    }
    const body: ReferralIn = {
      partnerId,
      ...(f.children.length > 1 ? { childId: childId || f.children[0]?.id } : {}),
      ...(contactId ? { contactId } : {}),
      ...(recommendation && !recommendation.includes(',') && !options.data?.unknownRecommendation
        ? { recommendationId: recommendation }
        : {}),
      ...(reasonText.trim() ? { reasonText: reasonText.trim() } : {}),
      ...(wishes.trim() ? { parentWishes: wishes.trim() } : {}),
      ...(phone.trim() ? { referrerPhone: phone.trim() } : {}),
      ...(basis === 'no_consent'
        ? { noConsent: answers }
        : existing
          ? { consentId: existing.id, items: itemsWithin(existing.scope ?? []) }
          : {
              // The referral shares what the parent agrees to here, nothing more.
              items: normaliseScope(draft.scope),
              consent: {
                givenBy: draft.givenBy,
                purpose: draft.purpose,
                scope: normaliseScope(draft.scope),
                ...(draft.validUntil ? { validUntil: draft.validUntil } : {}),
              },
            }),
    };
    create.mutate(body);
  };

  return (
    <>
      <div className="page-head">
        <div>
          <p className="eyebrow">{t('network.referral.forFamily', { name: f.name })}</p>
          <h1>{t('network.referral.title')}</h1>
        </div>
      </div>
      {contactSaved && (
        <p className="notice" role="status" data-testid="contact-saved-for-referral">
          {t('network.referral.contactSaved')}
        </p>
      )}
      <form className="form referral-form" onSubmit={submit} noValidate>
        <section className="panel" aria-labelledby="referral-partner">
          <h2 id="referral-partner">{t('network.referral.partnerStep')}</h2>
          {options.isError && <ErrorNotice error={options.error} />}
          {options.data?.unknownRecommendation && (
            <p className="notice" role="status">
              {t('network.referral.adviceChanged')}
            </p>
          )}
          {options.data && (
            <PartnerChoice
              options={options.data}
              others={others}
              value={partnerId}
              onChange={(id) => {
                setPartnerId(id);
                setMissing(false);
                // A consent the parent already gave for this partner is the one to use, most recent first;
                // recording the same consent again is the exception, still one click away.
                const partner = partnerOf(id);
                setConsentId((partner && consentsFor(f.consents, partner)[0]?.id) ?? '');
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

        <ReferralBasisStep
          basis={basis}
          onBasis={setBasis}
          usable={usable}
          existing={existing}
          onConsent={setConsentId}
          partnerName={chosen?.name}
          caregivers={f.caregivers}
          draft={draft}
          onDraft={(patch) => {
            setDraft((now) => ({ ...now, ...patch }));
            if (patch.givenBy !== undefined) setGivenByMissing(false);
          }}
          givenByMissing={givenByMissing}
          answers={answers}
          onAnswers={setAnswers}
        />
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
