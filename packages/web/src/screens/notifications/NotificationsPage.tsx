import type { Notification } from '@nestwerk/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client.ts';
import { useLocale } from '../../app/locale.tsx';
import { formatDateTime } from '../../lib/dates.ts';
import { ErrorNotice } from '../shared/ErrorNotice.tsx';

const RECEIVER_KINDS: Notification['kind'][] = [
  'referral_received',
  'consent_withdrawn',
  'feedback_reminder',
];

const APPROVAL_KINDS: Notification['kind'][] = ['approval_requested', 'approval_decided'];
/** About the user's own account: nothing to open, the text says it all. */
const ACCOUNT_KINDS: Notification['kind'][] = ['account_change_requested', 'account_changed'];

export function notificationLink(n: Notification): string {
  // No family data in the notice: the reviewer opens the review queue, not the file.
  if (n.kind === 'emergency_access') return '/notifications';
  if (APPROVAL_KINDS.includes(n.kind)) return '/admin/approvals';
  if (ACCOUNT_KINDS.includes(n.kind)) return '/notifications';
  // An urgent screening outcome points at the family file, where the team lead sees the parent's result.
  if (n.kind === 'urgent_screening' && n.familyId) return `/families/${n.familyId}`;
  // A parent's self-report with risk answers: the nurse reads it in the family file.
  if (n.kind === 'parent_self_report' && n.familyId) return `/families/${n.familyId}`;
  return RECEIVER_KINDS.includes(n.kind) ? `/intake/${n.referralId}` : `/referrals/${n.referralId}`;
}

/**
 * The app words each notice and links to the referral (or family); the page asks the server to name whom it
 * concerns, as far as the user may see that.
 */
export default function NotificationsPage() {
  const { t } = useTranslation();
  const { tag } = useLocale();
  const queryClient = useQueryClient();
  const list = useQuery({
    queryKey: ['notifications', 'with-subjects'],
    queryFn: () => api.call('GET /api/notifications', { query: { limit: 50, subjects: 'true' } }),
  });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['notifications'] });
  const readAll = useMutation({
    mutationFn: () => api.call('POST /api/notifications/read-all', { body: {} }),
    onSuccess: refresh,
  });
  const read = useMutation({
    mutationFn: (id: string) => api.call('POST /api/notifications/:id/read', { params: { id }, body: {} }),
    onSuccess: refresh,
  });
  return (
    <>
      <div className="page-head">
        <h1>{t('network.notifications.title')}</h1>
        {list.data && list.data.unread > 0 && (
          <button type="button" className="button" onClick={() => readAll.mutate()}>
            {t('network.notifications.readAll')}
          </button>
        )}
      </div>
      {list.isError && <ErrorNotice error={list.error} onRetry={() => void list.refetch()} />}
      {list.data &&
        (list.data.items.length === 0 ? (
          <p className="empty">{t('network.notifications.empty')}</p>
        ) : (
          <ul className="plain notifications" data-testid="notifications">
            {list.data.items.map((n) => (
              <li key={n.id} className={n.readAt ? 'notification' : 'notification notification--unread'}>
                {!n.readAt && <span className="badge">{t('network.notifications.unread')}</span>}{' '}
                <Link to={notificationLink(n)} onClick={() => !n.readAt && read.mutate(n.id)}>
                  {t(`network.notifications.kinds.${n.kind}`)}
                </Link>
                {n.subject && (
                  <span className="notification__subject" data-testid="notification-subject">
                    {' — '}
                    {n.subject.family && n.subject.child
                      ? t('network.notifications.subject', {
                          family: n.subject.family,
                          child: n.subject.child,
                        })
                      : (n.subject.family ?? n.subject.child)}
                  </span>
                )}{' '}
                <span className="muted">{formatDateTime(n.createdAt, tag)}</span>
              </li>
            ))}
          </ul>
        ))}
    </>
  );
}
