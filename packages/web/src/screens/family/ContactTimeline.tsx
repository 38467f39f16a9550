import type { FamilyFile } from '@nestwerk/contract';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLocale } from '../../app/locale.tsx';
import { ImportedBadge } from '../shared/ImportedMarker.tsx';

export function ContactTimeline({ family }: { family: FamilyFile }) {
  const { t } = useTranslation();
  const { date } = useLocale();
  const contacts = [...family.contacts].sort((a, b) => b.date.localeCompare(a.date));
  const childName = (id: string) => family.children.find((c) => c.id === id)?.givenName ?? '';
  const band = (contactId: string) => family.assessments.find((a) => a.contactId === contactId);
  return (
    <section className="panel" aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t('family.timeline')}</h2>
      {contacts.length === 0 ? (
        <p className="muted">{t('family.noContacts')}</p>
      ) : (
        <ol className="plain timeline">
          {contacts.map((contact) => {
            const assessment = band(contact.id);
            return (
              <li key={contact.id} className="timeline__item">
                <time dateTime={contact.date}>{date(contact.date)}</time>
                <div>
                  <Link to={`/contacts/${contact.id}`}>
                    {t(`common.contactTypes.${contact.type}`)} · {childName(contact.childId)}
                  </Link>
                  {contact.status === 'draft' && <span className="tag">{t('family.draft')}</span>}
                  <ImportedBadge marker={family.imported} kind="contacts" id={contact.id} />
                  {contact.professional && (
                    <span className="muted">
                      {' '}
                      {t('family.contactBy', { name: contact.professional.displayName })}
                    </span>
                  )}
                  {assessment && (
                    <p className="timeline__band">
                      <span
                        className={`band band--small band--${assessment.agreedBand ?? assessment.suggestedBand}`}
                      >
                        {t(`common.bands.${assessment.agreedBand ?? assessment.suggestedBand}`)}
                      </span>
                    </p>
                  )}
                </div>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
