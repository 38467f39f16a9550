import type { PortalMe } from '@nestwerk/contract';
import { Link } from 'react-router';
import { today } from '../../lib/dates.ts';
import { usePortalT } from './i18n.ts';
import { usePortalLocale } from './locale.tsx';
import { PasskeySection } from './PasskeySection.tsx';
import { LoadError } from './PortalRoot.tsx';
import { ageText, usePortalRecord } from './usePortal.ts';

export default function HomePage({ me }: { me: PortalMe }) {
  const t = usePortalT();
  const { date, lang, region } = usePortalLocale();
  const record = usePortalRecord();
  const next = me.nextAppointment;
  const nextChild = next?.childId ? me.children.find((c) => c.id === next.childId) : undefined;
  const open = record.data?.agreements.filter((a) => a.status === 'open') ?? [];
  const know = (v: { nl: string; en: string; nlBE?: string | undefined }) =>
    lang === 'en' ? v.en : region === 'be' && v.nlBE ? v.nlBE : v.nl;
  return (
    <div className="portal-home">
      <h1>{t('home.title', { name: me.parent.givenName })}</h1>

      <section className="portal-card portal-card--next" aria-labelledby="home-next">
        <h2 id="home-next">{t('home.next')}</h2>
        {next ? (
          <p className="portal-next" data-testid="next-appointment">
            <strong>{date(next.date)}</strong>
            {nextChild && <span> · {nextChild.givenName}</span>}
          </p>
        ) : (
          <p>{t('home.noNext')}</p>
        )}
        <p>{t('home.selfReport')}</p>
        <Link className="button button--primary" to="/portaal/hoe-gaat-het">
          {t('home.selfReportLink')}
        </Link>
      </section>

      <section className="portal-card" aria-labelledby="home-children">
        <h2 id="home-children">{t('home.children')}</h2>
        <ul className="plain portal-list">
          {me.children.map((child) => (
            <li key={child.id}>
              <strong>{child.givenName}</strong>
              {child.ageMonths !== null ? (
                <span className="muted"> · {ageText(t, child.ageMonths)}</span>
              ) : (
                child.dueDate && (
                  <span className="muted"> · {t('home.unborn', { date: date(child.dueDate) })}</span>
                )
              )}
            </li>
          ))}
        </ul>
      </section>

      {me.children.map(
        (child) =>
          child.tips && (
            <section
              key={child.id}
              className="portal-card portal-tips"
              aria-labelledby={`tips-${child.id}`}
              data-testid="portal-tips"
            >
              <h2 id={`tips-${child.id}`}>{t('home.tips', { name: child.givenName })}</h2>
              <p className="muted">{know(child.tips.title)}</p>
              <ul>
                {child.tips.tips.map((tip) => (
                  <li key={tip.nl}>{know(tip)}</li>
                ))}
              </ul>
            </section>
          ),
      )}

      <section className="portal-card" aria-labelledby="home-agreements">
        <h2 id="home-agreements">{t('home.agreements')}</h2>
        {record.isError && <LoadError onRetry={() => void record.refetch()} />}
        {record.data && open.length === 0 && <p>{t('home.noAgreements')}</p>}
        {open.length > 0 && (
          <ul className="portal-list">
            {open.map((a) => (
              <li key={a.id}>
                {a.text}
                {a.followUpDue && (
                  <span className="muted">
                    {' · '}
                    {t(a.followUpDue < today() ? 'home.untilPassed' : 'home.until', {
                      date: date(a.followUpDue),
                    })}
                  </span>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      {!me.parent.isDemo && <PasskeySection />}

      {me.organisation.phone && (
        <p className="portal-phone">
          {t('home.phone', { organisation: me.organisation.name, phone: me.organisation.phone })}
        </p>
      )}
    </div>
  );
}
