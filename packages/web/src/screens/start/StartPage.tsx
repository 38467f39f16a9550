import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../app/session.tsx';

/**
 * The start page of a role without a worklist (the analyst): what the role can do here and what it never
 * sees, so a first log-in does not end on a refusal.
 */
export default function StartPage() {
  const { t } = useTranslation();
  const { state } = useSession();
  const name = state.status === 'authenticated' ? state.user.displayName : '';
  const links = [
    ['/interventions', t('app.nav.interventions'), t('start.interventions')],
    ['/sources', t('app.nav.sources'), t('start.sources')],
    ['/tips', t('app.nav.tips'), t('start.tips')],
    ['/instruments', t('app.nav.instruments'), t('start.instruments')],
  ] as const;
  return (
    <>
      <div className="page-head">
        <h1>{t('start.title', { name })}</h1>
      </div>
      <p>{t('start.intro')}</p>
      <p>{t('start.figures')}</p>
      <h2>{t('start.canDo')}</h2>
      <ul className="start-links">
        {links.map(([to, label, what]) => (
          <li key={to}>
            <Link to={to}>{label}</Link> — {what}
          </li>
        ))}
      </ul>
    </>
  );
}
