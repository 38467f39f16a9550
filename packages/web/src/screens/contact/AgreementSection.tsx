import type { Agreement } from '@nestwerk/contract';
import { RELATIONSHIP_BANDS } from '@nestwerk/knowledge';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../app/locale.tsx';
import type { FinishField } from './completeness.ts';
import type { ContactForm } from './form.ts';

type Update = (change: (current: ContactForm) => ContactForm) => void;

/** What nurse and parent decide together: the agreed estimate, agreements, next topic (with permission), follow-up. */
export const AgreementSection = memo(function AgreementSection({
  form,
  update,
  errors,
  supersedes,
}: {
  form: ContactForm;
  update: Update;
  /** What keeps the contact from being finished, shown at the field. */
  errors: Partial<Record<FinishField, string>>;
  /** The family's open follow-ups that finishing with the new date closes. */
  supersedes: readonly Agreement[];
}) {
  const { t } = useTranslation();
  const { date } = useLocale();
  const a = form.agreement;
  const bandError = errors.agreedBand;
  const followUpError = errors['agreement.followUpDue'];
  const setAgreement = (change: Partial<ContactForm['agreement']>) =>
    update((f) => ({ ...f, agreement: { ...f.agreement, ...change } }));
  const needsPermission = a.nextTopic.trim() !== '' && !a.nextTopicPermission;
  return (
    <section className="panel" id="agreement" aria-labelledby="agreement-title">
      <h2 id="agreement-title">{t('contact.agreement.title')}</h2>
      <fieldset
        className={`segmented segmented--wrap${bandError ? ' field--invalid' : ''}`}
        aria-describedby={`agreed-band-portal${bandError ? ' agreed-band-error' : ''}`}
        aria-invalid={bandError ? true : undefined}
      >
        <legend>{t('contact.agreement.agreedBand')}</legend>
        {[...RELATIONSHIP_BANDS, 'not_discussed' as const].map((band) => (
          <label key={band} className={`segmented__option band-option band-option--${band}`}>
            <input
              type="radio"
              name="agreedBand"
              id={`agreed-band-${band}`}
              value={band}
              checked={form.agreedBand === band}
              onChange={() => update((f) => ({ ...f, agreedBand: band }))}
            />
            <span>
              {band === 'not_discussed' ? t('contact.agreement.notDiscussed') : t(`common.bands.${band}`)}
            </span>
          </label>
        ))}
        {bandError && (
          <p className="field__error" id="agreed-band-error">
            {bandError}
          </p>
        )}
        <p className="hint" id="agreed-band-portal">
          {t('contact.agreement.agreedBandPortal')}
        </p>
      </fieldset>
      <div className="field">
        <label htmlFor="agreed-note">
          {t('contact.agreement.agreedNote')} <span className="muted">{t('common.optional')}</span>
        </label>
        <textarea
          id="agreed-note"
          rows={2}
          value={form.agreedNote}
          onChange={(e) => {
            const agreedNote = e.target.value;
            update((f) => ({ ...f, agreedNote }));
          }}
        />
      </div>
      <div className="field">
        <label htmlFor="agreement-text">{t('contact.agreement.text')}</label>
        <textarea
          id="agreement-text"
          rows={3}
          value={a.text}
          onChange={(e) => setAgreement({ text: e.target.value })}
          aria-describedby="agreement-text-portal"
        />
        <p className="hint" id="agreement-text-portal">
          {t('contact.agreement.textPortal')}
        </p>
      </div>
      <div className="field">
        <label htmlFor="agreement-topic">{t('contact.agreement.nextTopic')}</label>
        <input
          id="agreement-topic"
          type="text"
          value={a.nextTopic}
          onChange={(e) => setAgreement({ nextTopic: e.target.value })}
          aria-describedby={needsPermission ? 'agreement-permission-needed' : undefined}
        />
      </div>
      <label className="check">
        <input
          type="checkbox"
          id="agreement-permission"
          checked={a.nextTopicPermission}
          onChange={(e) => setAgreement({ nextTopicPermission: e.target.checked })}
        />
        <span>{t('contact.agreement.nextTopicPermission')}</span>
      </label>
      {needsPermission && (
        <p className="hint hint--warning" id="agreement-permission-needed">
          {t('contact.agreement.permissionNeeded')}
        </p>
      )}
      <label className="check">
        <input
          type="checkbox"
          id="agreement-extra"
          checked={a.extraContact}
          onChange={(e) => setAgreement({ extraContact: e.target.checked })}
        />
        <span>{t('contact.agreement.extraContact')}</span>
      </label>
      <div className={`field${followUpError ? ' field--invalid' : ''}`}>
        <label htmlFor="agreement-followup">{t('contact.agreement.followUpDue')}</label>
        <input
          id="agreement-followup"
          type="date"
          value={a.followUpDue}
          onChange={(e) => setAgreement({ followUpDue: e.target.value })}
          aria-describedby={`agreement-followup-hint${followUpError ? ' agreement-followup-error' : ''}${
            supersedes.length > 0 ? ' agreement-supersedes' : ''
          }`}
          aria-invalid={followUpError ? true : undefined}
          required={a.extraContact}
        />
        {followUpError && (
          <p className="field__error" id="agreement-followup-error">
            {followUpError}
          </p>
        )}
        <p className="hint" id="agreement-followup-hint">
          {t('contact.agreement.followUpHint')}
        </p>
        {supersedes.length > 0 && (
          <p className="hint hint--note" id="agreement-supersedes" data-testid="agreement-supersedes">
            {t('contact.agreement.supersedes', {
              count: supersedes.length,
              dates: supersedes.map((s) => (s.followUpDue ? date(s.followUpDue) : '')).join(', '),
            })}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor="contact-notes">
          {t('contact.agreement.notes')} <span className="muted">{t('common.optional')}</span>
        </label>
        <textarea
          id="contact-notes"
          rows={3}
          aria-describedby="contact-notes-hint"
          value={form.notes}
          onChange={(e) => {
            const notes = e.target.value;
            update((f) => ({ ...f, notes }));
          }}
        />
        <p className="hint" id="contact-notes-hint">
          {t('contact.agreement.notesHint')}
        </p>
      </div>
    </section>
  );
});
