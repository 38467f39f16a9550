import type { FamilyFile } from '@nestwerk/contract';
import { CONTACT_TYPES, type ContactType } from '@nestwerk/knowledge';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { ageOn, ageText } from '../shared/age.ts';
import type { ContactForm } from './form.ts';

type Update = (change: (current: ContactForm) => ContactForm) => void;

export const ContactHeader = memo(function ContactHeader({
  family,
  form,
  update,
}: {
  family: FamilyFile;
  form: ContactForm;
  update: Update;
}) {
  const { t } = useTranslation();
  const child = family.children.find((c) => c.id === form.childId);
  return (
    <section className="panel contact-head" aria-labelledby="contact-head-title">
      <h2 id="contact-head-title" className="visually-hidden">
        {t('contact.title')}
      </h2>
      <div className="field-row">
        {family.children.length > 1 && (
          <div className="field">
            <label htmlFor="contact-child">{t('contact.child')}</label>
            <select
              id="contact-child"
              value={form.childId}
              onChange={(e) => {
                const childId = e.target.value;
                update((f) => ({ ...f, childId }));
              }}
            >
              {family.children.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.givenName}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="field">
          <label htmlFor="contact-type">{t('contact.type')}</label>
          <select
            id="contact-type"
            value={form.type}
            onChange={(e) => {
              const type = e.target.value as ContactType;
              update((f) => ({ ...f, type }));
            }}
          >
            {CONTACT_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`common.contactTypes.${type}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="contact-date">{t('contact.date')}</label>
          <input
            id="contact-date"
            type="date"
            required
            value={form.date}
            onChange={(e) => {
              const date = e.target.value;
              if (date) update((f) => ({ ...f, date }));
            }}
          />
        </div>
      </div>
      {child && (
        <p className="contact-head__age">
          {t('contact.ageAtContact', { age: ageText(t, ageOn(child, form.date)) })}
        </p>
      )}
    </section>
  );
});
