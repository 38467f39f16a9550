import type { TeamOverview } from '@nestwerk/contract';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client.ts';
import { useLocale } from '../../app/locale.tsx';
import { useSearchState } from '../../lib/useSearchState.ts';
import { ErrorNotice } from '../shared/ErrorNotice.tsx';
import './team.css';

type Family = TeamOverview['families'][number];
/** Rows shown at once: a whole team's caseload is thousands of families, most of them needing nothing today. */
export const FAMILIES_STEP = 100;
const FLAGS = ['overdue', 'contactOverdue', 'safety', 'urgentScreening'] as const;
type Flag = (typeof FLAGS)[number];

const matches: Record<Flag, (f: Family) => boolean> = {
  overdue: (f) => f.overdue,
  contactOverdue: (f) => f.contactOverdue,
  safety: (f) => f.safetyRouteOpen,
  urgentScreening: (f) => f.urgentScreening,
};

/** The team lead's overview: caseload per nurse, what is due, and the families that need a look first. */
export default function TeamOverviewPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchState();
  const overview = useQuery({
    queryKey: ['team-overview'],
    queryFn: () => api.call('GET /api/team/overview'),
  });
  const nurse = params.get('nurse');
  const flagParam = params.get('flag');
  const flag = (FLAGS as readonly string[]).includes(flagParam ?? '') ? (flagParam as Flag) : null;
  const drill = (next: { nurse?: string | null; flag?: Flag | null }) => {
    const search = new URLSearchParams();
    const n = next.nurse === undefined ? nurse : next.nurse;
    const f = next.flag === undefined ? flag : next.flag;
    if (n) search.set('nurse', n);
    if (f) search.set('flag', f);
    setParams(() => search);
  };

  return (
    <>
      <div className="page-head">
        <h1>{t('team.title')}</h1>
        <Link className="button" to="/worklist?scope=team">
          {t('team.toWorklist')}
        </Link>
      </div>
      {overview.isError && <ErrorNotice error={overview.error} onRetry={() => void overview.refetch()} />}
      {overview.isPending && (
        <p role="status" className="loading">
          {t('app.loading')}
        </p>
      )}
      {overview.data && (
        <>
          <Nurses data={overview.data} onDrill={drill} />
          <FlagSummary data={overview.data} active={flag} onDrill={(f) => drill({ flag: f })} />
          <Families
            // A new selection starts again at its first rows.
            key={`${nurse ?? ''}|${flag ?? ''}`}
            data={overview.data}
            nurse={nurse}
            flag={flag}
            onClear={() => drill({ nurse: null, flag: null })}
          />
          <WaitingReferrals data={overview.data} />
        </>
      )}
    </>
  );
}

function Nurses({
  data,
  onDrill,
}: {
  data: TeamOverview;
  onDrill(next: { nurse: string; flag: Flag | null }): void;
}) {
  const { t } = useTranslation();
  const count = (n: number, nurse: string, flag: Flag | null, label: string) =>
    n === 0 ? (
      <span className="muted">0</span>
    ) : (
      <button type="button" className="linklike" onClick={() => onDrill({ nurse, flag })} aria-label={label}>
        {n}
      </button>
    );
  return (
    <section className="team-section" aria-labelledby="team-nurses">
      <h2 id="team-nurses">{t('team.nurses.title')}</h2>
      <div className="table-wrap">
        <table className="table table--compact team-nurses">
          <caption className="visually-hidden">{t('team.nurses.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('team.nurses.name')}</th>
              <th scope="col">{t('team.nurses.caseload')}</th>
              <th scope="col">{t('team.nurses.due')}</th>
              <th scope="col">{t('team.nurses.overdue')}</th>
              <th scope="col">{t('team.nurses.contactOverdue')}</th>
            </tr>
          </thead>
          <tbody>
            {data.nurses.map((n) => (
              <tr key={n.userId}>
                <th scope="row">{n.name}</th>
                <td>{count(n.caseload, n.userId, null, t('team.nurses.showCaseload', { name: n.name }))}</td>
                <td>{n.due}</td>
                <td>
                  {count(n.overdue, n.userId, 'overdue', t('team.nurses.showOverdue', { name: n.name }))}
                </td>
                <td>
                  {count(
                    n.contactOverdue,
                    n.userId,
                    'contactOverdue',
                    t('team.nurses.showContactOverdue', { name: n.name }),
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function FlagSummary({
  data,
  active,
  onDrill,
}: {
  data: TeamOverview;
  active: Flag | null;
  onDrill(flag: Flag | null): void;
}) {
  const { t } = useTranslation();
  return (
    <section className="team-section" aria-labelledby="team-flags">
      <h2 id="team-flags">{t('team.flags.title')}</h2>
      <ul className="plain team-flags">
        {FLAGS.map((f) => {
          const n = data.families.filter(matches[f]).length;
          return (
            <li key={f}>
              <button
                type="button"
                className={`button${active === f ? ' button--primary' : ''}`}
                aria-pressed={active === f}
                onClick={() => onDrill(active === f ? null : f)}
              >
                {t(`team.flags.${f}`, { count: n })}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function Families({
  data,
  nurse,
  flag,
  onClear,
}: {
  data: TeamOverview;
  nurse: string | null;
  flag: Flag | null;
  onClear(): void;
}) {
  const { t } = useTranslation();
  const { date } = useLocale();
  const nurseName = data.nurses.find((n) => n.userId === nurse)?.name;
  const [limit, setLimit] = useState(FAMILIES_STEP);
  const selected = data.families.filter(
    (f) => (nurse === null || f.nurseIds.includes(nurse)) && (flag === null || matches[flag](f)),
  );
  const shown = selected.slice(0, limit);
  const rest = selected.length - shown.length;
  const filtered = nurse !== null || flag !== null;
  return (
    <section className="team-section" aria-labelledby="team-families">
      <h2 id="team-families">{t('team.families.title')}</h2>
      {data.total > data.families.length && (
        <p className="notice">{t('team.families.cut', { shown: data.families.length, total: data.total })}</p>
      )}
      {filtered && (
        <p role="status">
          {[
            nurseName ? t('team.families.ofNurse', { name: nurseName }) : null,
            flag ? t(`team.flagNames.${flag}`) : null,
          ]
            .filter(Boolean)
            .join(' · ')}{' '}
          <button type="button" className="button button--quiet" onClick={onClear}>
            {t('team.families.clear')}
          </button>
        </p>
      )}
      {shown.length === 0 ? (
        <p className="empty">{t('team.families.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table table--compact worklist">
            <caption className="visually-hidden">{t('team.families.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('worklist.columns.family')}</th>
                <th scope="col">{t('team.families.nurse')}</th>
                <th scope="col">{t('worklist.columns.nextFollowUp')}</th>
                <th scope="col">{t('worklist.columns.lastContact')}</th>
                <th scope="col">{t('worklist.columns.flags')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((f) => (
                <tr key={f.familyId} className={f.overdue ? 'is-overdue' : undefined}>
                  <th scope="row">
                    <Link to={`/families/${f.familyId}`}>{f.name}</Link>
                  </th>
                  <td>
                    {f.nurseIds.length === 0 ? (
                      t('team.families.teamOnly')
                    ) : (
                      // One name a line: display names can hold a comma ("Sanne de Boer, verpleegkundige").
                      <ul className="plain">
                        {f.nurseIds.map((id) => (
                          <li key={id}>{data.nurses.find((n) => n.userId === id)?.name ?? ''}</li>
                        ))}
                      </ul>
                    )}
                  </td>
                  <td>
                    {f.nextFollowUp ? (
                      date(f.nextFollowUp)
                    ) : (
                      <span className="muted">{t('worklist.noFollowUp')}</span>
                    )}
                    {f.overdue && <span className="badge badge--danger">{t('worklist.overdue')}</span>}
                  </td>
                  <td>
                    {f.lastContact ? (
                      date(f.lastContact)
                    ) : (
                      <span className="muted">{t('worklist.noContact')}</span>
                    )}
                    {f.contactOverdue && f.daysWithoutContact !== null && (
                      <span className="badge badge--warning">
                        {t('team.families.daysWithout', { count: f.daysWithoutContact })}
                      </span>
                    )}
                  </td>
                  <td>
                    <ul className="flags">
                      {f.safetyRouteOpen && (
                        <li className="flag flag--safety">{t('team.flagNames.safety')}</li>
                      )}
                      {f.urgentScreening && (
                        <li className="flag flag--safety">{t('team.flagNames.urgentScreening')}</li>
                      )}
                      {f.overdueFeedback > 0 && (
                        <li className="flag flag--feedback">
                          {t('network.worklist.feedbackOverdue', { count: f.overdueFeedback })}
                        </li>
                      )}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {rest > 0 && (
        <p className="team-more">
          <span role="status">
            {t('team.families.showing', { shown: shown.length, total: selected.length })}
          </span>{' '}
          <button type="button" className="button" onClick={() => setLimit((n) => n + FAMILIES_STEP)}>
            {t('team.families.more', { count: Math.min(FAMILIES_STEP, rest) })}
          </button>
        </p>
      )}
    </section>
  );
}

function WaitingReferrals({ data }: { data: TeamOverview }) {
  const { t } = useTranslation();
  const { date } = useLocale();
  return (
    <section className="team-section" aria-labelledby="team-referrals">
      <h2 id="team-referrals">{t('team.referrals.title')}</h2>
      {data.waitingReferrals.length === 0 ? (
        <p className="empty">{t('team.referrals.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table table--compact">
            <caption className="visually-hidden">{t('team.referrals.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('worklist.columns.family')}</th>
                <th scope="col">{t('team.referrals.partner')}</th>
                <th scope="col">{t('team.referrals.sent')}</th>
                <th scope="col">{t('team.referrals.age')}</th>
                <th scope="col">{t('team.referrals.due')}</th>
              </tr>
            </thead>
            <tbody>
              {data.waitingReferrals.map((r) => (
                <tr key={r.referralId} className={r.overdue ? 'is-overdue' : undefined}>
                  <th scope="row">
                    <Link to={`/families/${r.familyId}`}>{r.familyName}</Link>
                  </th>
                  <td>
                    <Link to={`/referrals/${r.referralId}`}>{r.partnerName}</Link>
                  </td>
                  <td>{r.sentOn ? date(r.sentOn) : ''}</td>
                  <td>{t('team.referrals.ageDays', { count: r.ageDays })}</td>
                  <td>
                    {r.feedbackDue ? date(r.feedbackDue) : ''}
                    {r.overdue && <span className="badge badge--danger">{t('worklist.overdue')}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
