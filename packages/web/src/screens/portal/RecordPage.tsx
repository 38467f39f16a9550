import type { PortalMe } from '@nestwerk/contract';
import { usePortalT } from './i18n.ts';
import { usePortalLocale } from './locale.tsx';
import { LoadError, Loading } from './PortalRoot.tsx';
import { usePortalRecord } from './usePortal.ts';

/** What is recorded about the family: household, contacts with the estimate agreed together, agreements. */
export default function RecordPage({ me }: { me: PortalMe }) {
  const t = usePortalT();
  const { date } = usePortalLocale();
  const record = usePortalRecord();
  const childName = (id: string) => me.children.find((c) => c.id === id)?.givenName ?? '';
  if (record.isPending) return <Loading />;
  if (record.isError) return <LoadError onRetry={() => void record.refetch()} />;
  const { household, contacts } = record.data;
  const children = household.filter((p) => p.kind === 'child');
  const caregivers = household.filter((p) => p.kind === 'caregiver');
  return (
    <div>
      <h1>{t('file.title')}</h1>
      <p>{t('file.intro')}</p>

      <section className="portal-card" aria-labelledby="file-household">
        <h2 id="file-household">{t('file.household')}</h2>
        <h3>{t('file.children')}</h3>
        <ul className="plain portal-list">
          {children.map((p) => (
            <li key={p.id}>
              <strong>
                {p.givenName} {p.familyName}
              </strong>
              {p.birthDate && <span className="muted"> · {t('file.born', { date: date(p.birthDate) })}</span>}
              {!p.birthDate && p.dueDate && (
                <span className="muted"> · {t('home.unborn', { date: date(p.dueDate) })}</span>
              )}
            </li>
          ))}
        </ul>
        <h3>{t('file.caregivers')}</h3>
        <ul className="plain portal-list">
          {caregivers.map((p) => (
            <li key={p.id}>
              <strong>
                {p.givenName} {p.familyName}
              </strong>
              {p.role && <span className="muted"> · {t(`file.roles.${p.role}`)}</span>}
            </li>
          ))}
        </ul>
      </section>

      <section className="portal-card" aria-labelledby="file-contacts">
        <h2 id="file-contacts">{t('file.contacts')}</h2>
        {contacts.length === 0 && <p>{t('file.noContacts')}</p>}
        <ul className="plain portal-contacts">
          {contacts.map((c) => (
            <li key={c.id} className="portal-contact" data-testid="portal-contact">
              <h3>
                {t('file.contactOn', { kind: t(`file.kinds.${c.type}`), date: date(c.date) })}
                {childName(c.childId) && <span className="muted"> · {childName(c.childId)}</span>}
              </h3>
              <p>
                <span className="portal-label">{t('file.band')}: </span>
                {c.agreedBand ? t(`file.bands.${c.agreedBand}`) : t('file.bandNotDiscussed')}
              </p>
              {c.agreements.length > 0 && (
                <>
                  <p className="portal-label">{t('file.agreementsOfContact')}:</p>
                  <ul>
                    {c.agreements.map((a) => (
                      <li key={a.id}>{a.text}</li>
                    ))}
                  </ul>
                </>
              )}
            </li>
          ))}
        </ul>
      </section>
      <p className="hint">{t('file.heldBack')}</p>
    </div>
  );
}
