import { RELATIONSHIP_BANDS } from '@nestwerk/knowledge';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldMessages } from '../../lib/field-errors.ts';
import { FieldError } from '../shared/FieldError.tsx';
import type { ContactForm } from './form.ts';

type Update = (change: (current: ContactForm) => ContactForm) => void;

/** What nurse and parent decide together: the agreed estimate, agreements, next topic (with permission), follow-up. */
export const AgreementSection = memo(function AgreementSection({
  form,
  update,
  errors = {},
}: {
  form: ContactForm;
  update: Update;
  /** The server's messages for this section's inputs, by input id (lib/field-errors.ts). */
  errors?: FieldMessages;
}) {
  const { t } = useTranslation();
  const a = form.agreement;
  const setAgreement = (change: Partial<ContactForm['agreement']>) =>
    update((f) => ({ ...f, agreement: { ...f.agreement, ...change } }));
  const needsPermission = a.nextTopic.trim() !== '' && !a.nextTopicPermission;
  return (
    <section className="panel" id="agreement" aria-labelledby="agreement-title">
      <h2 id="agreement-title">{t('contact.agreement.title')}</h2>
      <fieldset className="segmented segmented--wrap">
        <legend>{t('contact.agreement.agreedBand')}</legend>
        {RELATIONSHIP_BANDS.map((band) => (
          <label key={band} className={`segmented__option band-option band-option--${band}`}>
            <input
              type="radio"
              name="agreedBand"
              value={band}
              checked={form.agreedBand === band}
              onChange={() => update((f) => ({ ...f, agreedBand: band }))}
            />
            <span>{t(`common.bands.${band}`)}</span>
          </label>
        ))}
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
        />
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
      <div className="field">
        <label htmlFor="agreement-followup">{t('contact.agreement.followUpDue')}</label>
        <input
          id="agreement-followup"
          type="date"
          value={a.followUpDue}
          onChange={(e) => setAgreement({ followUpDue: e.target.value })}
          aria-invalid={errors['agreement-followup'] ? true : undefined}
          aria-describedby={
            errors['agreement-followup']
              ? 'agreement-followup-hint agreement-followup-error'
              : 'agreement-followup-hint'
          }
        />
        <p className="hint" id="agreement-followup-hint">
          {t('contact.agreement.followUpHint')}
        </p>
        <FieldError id="agreement-followup" message={errors['agreement-followup']} />
      </div>
      <div className="field">
        <label htmlFor="contact-notes">
          {t('contact.agreement.notes')} <span className="muted">{t('common.optional')}</span>
        </label>
        <textarea
          id="contact-notes"
          rows={3}
          value={form.notes}
          onChange={(e) => {
            const notes = e.target.value;
            update((f) => ({ ...f, notes }));
          }}
        />
      </div>
    </section>
  );
});
