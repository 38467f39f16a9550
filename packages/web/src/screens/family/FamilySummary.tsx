import type { FamilyFile } from '@nestwerk/contract';
import { knowledge } from '@nestwerk/knowledge';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { useLocale } from '../../app/locale.tsx';
import { today } from '../../lib/dates.ts';

/** The latest assessment of the family (the history is oldest first), or undefined before any. */
export function latestAssessment(family: FamilyFile) {
  return family.assessments.at(-1);
}

/**
 * Whether the safety route leads the file: a route is open, or safety signals were recorded at the last
 * assessed contact. Otherwise it stays one click away, compact, below the summary.
 */
export function safetyLeads(family: FamilyFile): boolean {
  return family.safetyRoute?.status === 'open' || latestAssessment(family)?.safetyConcern === true;
}

/**
 * What a nurse needs first on opening a file: how the family is doing (the estimate agreed at the last
 * contact and the balance, with its factors) and what is open (the next appointment, agreements, screenings
 * due and referrals in progress), each a link to its panel below.
 */
export function FamilySummary({ family }: { family: FamilyFile }) {
  const { t } = useTranslation();
  const { date, know } = useLocale();
  const latest = latestAssessment(family);
  // The history keeps tallies only; the factors themselves are in the latest contact's stored assessment
  // (the same query as the balance panel, so it is fetched once).
  const stored = useQuery({
    queryKey: ['contact', latest?.contactId],
    queryFn: () => api.call('GET /api/contacts/:id', { params: { id: latest?.contactId ?? '' } }),
    enabled: latest !== undefined,
  }).data?.assessment;
  const label = (code: string) => {
    const factor = knowledge.factors.find((f) => f.code === code);
    return factor ? know(factor.label) : code;
  };
  const open = family.agreements.filter((a) => a.status === 'open');
  const next = open
    .map((a) => a.followUpDue)
    .filter((d): d is string => d !== null)
    .sort()[0];
  const now = today();
  const referrals = (family.referrals ?? []).filter(
    (r) => !['draft', 'declined', 'closed'].includes(r.status),
  );
  const due = family.dueScreenings ?? [];

  return (
    <section
      className="panel family-summary"
      aria-labelledby="family-summary-title"
      data-testid="family-summary"
    >
      <h2 id="family-summary-title">{t('family.summary.title')}</h2>
      <dl className="summary-list">
        <div>
          <dt>{latest ? t('family.summary.estimateOn', { date: date(latest.date) }) : t('family.agreed')}</dt>
          <dd>
            {!latest ? (
              <span className="muted">{t('family.summary.noAssessment')}</span>
            ) : latest.agreedBand ? (
              <span className={`band band--${latest.agreedBand}`}>
                {t(`common.bands.${latest.agreedBand}`)}
              </span>
            ) : (
              <>
                <span className="muted">{t('family.notAgreed')}</span>{' '}
                {t('family.summary.suggestedWas', { band: t(`common.bands.${latest.suggestedBand}`) })}
              </>
            )}
          </dd>
        </div>
        <div>
          <dt>{t('family.balance')}</dt>
          <dd>
            {!stored || (stored.balance.hindering.length === 0 && stored.balance.protective.length === 0) ? (
              <span className="muted">{t('family.balanceNone')}</span>
            ) : (
              <>
                <p className="summary-factors summary-factors--burden">
                  <strong>{t('family.summary.burden', { count: stored.balance.hindering.length })}</strong>
                  {stored.balance.hindering.length > 0 &&
                    `: ${stored.balance.hindering.map(label).join(', ')}`}
                </p>
                <p className="summary-factors summary-factors--strength">
                  <strong>{t('family.summary.strength', { count: stored.balance.protective.length })}</strong>
                  {stored.balance.protective.length > 0 &&
                    `: ${stored.balance.protective.map(label).join(', ')}`}
                </p>
                <p className="muted">{t(`worklist.balance.tilt.${stored.balance.tilt}`)}</p>
              </>
            )}
          </dd>
        </div>
        <div>
          <dt>{t('family.summary.next')}</dt>
          <dd>
            {next ? (
              <>
                {date(next)}
                {next < now && <span className="badge badge--danger">{t('worklist.overdue')}</span>}
                {next === now && <span className="badge badge--today">{t('worklist.today')}</span>}
              </>
            ) : (
              <span className="muted">{t('worklist.noFollowUp')}</span>
            )}
          </dd>
        </div>
        <SummaryList
          items={open.slice(0, 3)}
          count={open.length}
          none={t('family.summary.agreementsNone')}
          title={t('family.summary.agreements', { count: open.length })}
          href="#agreements-title"
          keyOf={(a) => a.id}
          render={(a) => (
            <>
              {a.text}
              {a.followUpDue && <span className="muted"> ({date(a.followUpDue)})</span>}
            </>
          )}
        />
        <SummaryList
          items={due}
          count={due.length}
          none={t('family.summary.screeningsNone')}
          title={t('family.summary.screenings', { count: due.length })}
          href="#parent-screenings-title"
          keyOf={(s) => `${s.personId}-${s.moment}-${s.from}`}
          render={(s) => (
            <>
              {family.caregivers.find((c) => c.id === s.personId)?.givenName ?? ''} (
              {t(`common.roles.${s.role}`)}):{' '}
              {s.status === 'overdue' ? t('screening.due.badgeOverdue') : t('screening.due.badgeDue')}{' '}
              <span className="muted">({t('family.summary.until', { date: date(s.to) })})</span>
            </>
          )}
        />
        <SummaryList
          items={referrals}
          count={referrals.length}
          none={t('family.summary.referralsNone')}
          title={t('family.summary.referrals', { count: referrals.length })}
          href="#family-referrals"
          keyOf={(r) => r.id}
          render={(r) => (
            <>
              {r.partner.name} <span className="badge">{t(`network.status.${r.status}`)}</span>
              {r.feedbackOverdue && (
                <span className="flag flag--feedback">
                  {' '}
                  {t('network.worklist.feedbackOverdue', { count: 1 })}
                </span>
              )}
            </>
          )}
        />
      </dl>
    </section>
  );
}

/** One line of the summary: what is open, linking to its panel, with the first few items listed. */
function SummaryList<T>({
  items,
  count,
  none,
  title,
  href,
  keyOf,
  render,
}: {
  items: readonly T[];
  count: number;
  none: string;
  title: string;
  href: string;
  keyOf: (item: T) => string;
  render: (item: T) => ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div>
      <dt>{count === 0 ? none : <a href={href}>{title}</a>}</dt>
      <dd>
        {count === 0 ? (
          <span className="muted">{t('common.none')}</span>
        ) : (
          <ul className="plain">
            {items.map((item) => (
              <li key={keyOf(item)}>{render(item)}</li>
            ))}
          </ul>
        )}
      </dd>
    </div>
  );
}
