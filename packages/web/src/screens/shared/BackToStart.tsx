import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../app/session.tsx';
import { startPath } from '../../app/start.ts';

/** The way back to one's own work from a page that is not there or not one's own: the start page of the role. */
export function BackToStart() {
  const { t } = useTranslation();
  const { state } = useSession();
  const start = startPath(state.status === 'authenticated' ? state.user.role : null);
  return (
    <p>
      <Link to={start}>{start === '/worklist' ? t('app.backToWorklist') : t('app.backToStart')}</Link>
    </p>
  );
}
