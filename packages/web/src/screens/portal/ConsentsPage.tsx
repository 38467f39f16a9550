import type { PortalConsent } from '@nestwerk/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { usePortalT } from './i18n.ts';
import { usePortalLocale } from './locale.tsx';
import { LoadError, Loading } from './PortalRoot.tsx';
import { portalApi } from './session.tsx';
import { PORTAL_CONSENTS_KEY, PORTAL_RECORD_KEY } from './usePortal.ts';

/** The parent's consents: recipient, purpose, scope and period; withdrawing takes one confirmation. */
export default function ConsentsPage() {
  const t = usePortalT();
  const { date } = usePortalLocale();
  const queryClient = useQueryClient();
  const consents = useQuery({
    queryKey: PORTAL_CONSENTS_KEY,
    queryFn: () => portalApi.call('GET /api/portal/consents'),
  });
  const [asking, setAsking] = useState<PortalConsent | null>(null);
  const [done, setDone] = useState(false);
  const withdraw = useMutation({
    mutationFn: (id: string) => portalApi.call('POST /api/portal/consents/:id/withdraw', { params: { id } }),
    // The confirmation says "withdrawn" only once the list says so too: until the list is fetched again the
    // dialog stays busy, so the card never shows an active consent under a "withdrawn" notice.
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: PORTAL_CONSENTS_KEY });
      setAsking(null);
      setDone(true);
      void queryClient.invalidateQueries({ queryKey: PORTAL_RECORD_KEY });
    },
  });
  if (consents.isPending) return <Loading />;
  if (consents.isError) return <LoadError onRetry={() => void consents.refetch()} />;
  const items = consents.data.items;
  return (
    <div>
      <h1>{t('consents.title')}</h1>
      <p>{t('consents.intro')}</p>
      {done && (
        <p className="notice notice--success" role="status">
          {t('consents.done')}
        </p>
      )}
      {items.length === 0 && <p className="empty">{t('consents.none')}</p>}
      <ul className="plain portal-cards">
        {items.map((c) => (
          <li key={c.id} className="portal-card" data-testid="portal-consent">
            <h2>{c.recipient}</h2>
            <dl className="portal-facts">
              <dt>{t('consents.purpose')}</dt>
              <dd>{c.purpose}</dd>
              <dt>{t('consents.scope')}</dt>
              <dd>
                {c.scope && c.scope.length > 0 ? (
                  <ul>
                    {c.scope.map((s) => (
                      <li key={s}>{t(`consents.scopes.${s}`)}</li>
                    ))}
                  </ul>
                ) : (
                  (c.scopeNote ?? '—')
                )}
              </dd>
              <dt>{t('consents.period')}</dt>
              <dd>
                {c.validUntil
                  ? t('consents.fromTo', { from: date(c.givenAt), to: date(c.validUntil) })
                  : `${t('consents.from', { date: date(c.givenAt) })}, ${t('consents.noEnd')}`}
              </dd>
            </dl>
            {c.status === 'active' && (
              <>
                <p className="portal-status portal-status--active">{t('consents.active')}</p>
                <button type="button" className="button" onClick={() => setAsking(c)}>
                  {t('consents.withdraw')}
                </button>
              </>
            )}
            {c.status === 'withdrawn' && c.withdrawnAt && (
              <p className="portal-status">{t('consents.withdrawn', { date: date(c.withdrawnAt) })}</p>
            )}
            {c.status === 'expired' && <p className="portal-status">{t('consents.expired')}</p>}
          </li>
        ))}
      </ul>
      {asking && (
        <ConfirmDialog
          recipient={asking.recipient}
          busy={withdraw.isPending}
          failed={withdraw.isError}
          onConfirm={() => withdraw.mutate(asking.id)}
          onCancel={() => {
            withdraw.reset();
            setAsking(null);
          }}
        />
      )}
    </div>
  );
}

function ConfirmDialog({
  recipient,
  busy,
  failed,
  onConfirm,
  onCancel,
}: {
  recipient: string;
  busy: boolean;
  failed: boolean;
  onConfirm(): void;
  onCancel(): void;
}) {
  const t = usePortalT();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className="portal-dialog"
      aria-labelledby="withdraw-title"
      aria-describedby="withdraw-text"
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      <h2 id="withdraw-title">{t('consents.confirmTitle')}</h2>
      <p id="withdraw-text">{t('consents.confirmText', { recipient })}</p>
      {failed && (
        <p className="notice notice--error" role="alert">
          {t('app.error')}
        </p>
      )}
      <div className="actions">
        <button type="button" className="button button--danger" disabled={busy} onClick={onConfirm}>
          {t('consents.confirm')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('consents.cancel')}
        </button>
      </div>
    </dialog>
  );
}
