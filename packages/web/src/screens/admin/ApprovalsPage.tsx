import type { ApprovalRequest } from '@nestwerk/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { useLocale } from '../../app/locale.tsx';
import { formatDateTime } from '../../lib/dates.ts';
import { ErrorNotice } from '../shared/ErrorNotice.tsx';

/** Four eyes: team leads and application managers approve or reject what was requested in user administration. */
export default function ApprovalsPage() {
  const { t } = useTranslation();
  const { tag } = useLocale();
  const queryClient = useQueryClient();
  const [password, setPassword] = useState<string | null>(null);
  const [notes, setNotes] = useState<Record<string, string>>({});
  const list = useQuery({
    queryKey: ['approvals'],
    queryFn: () => api.call('GET /api/admin/approvals', { query: { status: 'pending' } }),
  });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['approvals'] });
  const body = (id: string) => ({ note: notes[id]?.trim() ? notes[id]?.trim() : null });
  const approve = useMutation({
    mutationFn: (id: string) =>
      api.call('POST /api/admin/approvals/:id/approve', { params: { id }, body: body(id) }),
    onSuccess: (res) => {
      setPassword(res.temporaryPassword);
      refresh();
    },
  });
  const reject = useMutation({
    mutationFn: (id: string) =>
      api.call('POST /api/admin/approvals/:id/reject', { params: { id }, body: body(id) }),
    onSuccess: refresh,
  });
  const cancel = useMutation({
    mutationFn: (id: string) =>
      api.call('POST /api/admin/approvals/:id/cancel', { params: { id }, body: {} }),
    onSuccess: refresh,
  });
  const error = approve.error ?? reject.error ?? cancel.error;

  const approverText = (r: ApprovalRequest) =>
    r.approver.role === 'application_manager'
      ? t('admin.approvals.approverManager')
      : r.approver.team
        ? t('admin.approvals.approverTeamLeadOf', { team: r.approver.team.name })
        : t('admin.approvals.approverTeamLead');

  return (
    <>
      <h1>{t('admin.approvals.title')}</h1>
      <p>{t('admin.approvals.intro')}</p>
      {password && (
        <p className="notice" role="status" data-testid="temporary-password">
          {t('admin.approvals.temporaryPassword', { password })}
        </p>
      )}
      {error && <ErrorNotice error={error} />}
      {list.isError && <ErrorNotice error={list.error} onRetry={() => void list.refetch()} />}
      {list.data &&
        (list.data.items.length === 0 ? (
          <p className="empty">{t('admin.approvals.empty')}</p>
        ) : (
          <ul className="plain" data-testid="approvals">
            {list.data.items.map((r) => (
              <li key={r.id} className="card">
                <h2>
                  {t(`admin.approvals.kinds.${r.kind}`)}: {r.target?.displayName ?? r.details.displayName}{' '}
                  <span className="muted">({r.target?.email ?? r.details.email})</span>
                </h2>
                <p>
                  {r.details.role && t(`admin.users.roles.${r.details.role}`)}
                  {r.details.team !== undefined && ` · ${r.details.team?.name ?? t('admin.users.noTeam')}`}
                  {r.details.resetTotp && ` · ${t('admin.approvals.withTotp')}`}
                </p>
                <p className="muted">
                  {t('admin.approvals.requestedBy', { name: r.requestedBy.displayName })},{' '}
                  {formatDateTime(r.requestedAt, tag)} ·{' '}
                  {t('admin.approvals.approver', { who: approverText(r) })} ·{' '}
                  {t(`admin.approvals.statuses.${r.status}`)}
                </p>
                {r.canDecide && (
                  <div className="actions">
                    <label>
                      {t('admin.approvals.note')}
                      <input
                        value={notes[r.id] ?? ''}
                        maxLength={500}
                        onChange={(e) => setNotes({ ...notes, [r.id]: e.target.value })}
                      />
                    </label>
                    <button type="button" className="button" onClick={() => approve.mutate(r.id)}>
                      {t('admin.approvals.approve')}
                    </button>
                    <button type="button" className="button" onClick={() => reject.mutate(r.id)}>
                      {t('admin.approvals.reject')}
                    </button>
                  </div>
                )}
                {r.canCancel && (
                  <button type="button" className="button" onClick={() => cancel.mutate(r.id)}>
                    {t('admin.approvals.cancel')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        ))}
    </>
  );
}
