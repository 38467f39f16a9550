import type { Agreement, FamilyFile } from '@nestwerk/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { useLocale } from '../../app/locale.tsx';
import { today } from '../../lib/dates.ts';
import { ErrorNotice } from '../shared/ErrorNotice.tsx';
import { ImportedBadge } from '../shared/ImportedMarker.tsx';
import { orderAgreements } from './agreement-order.ts';

export function AgreementList({ family }: { family: FamilyFile }) {
  const { t } = useTranslation();
  const agreements = orderAgreements(family.agreements);
  return (
    <section className="panel" aria-labelledby="agreements-title">
      <h2 id="agreements-title">{t('family.agreements')}</h2>
      {agreements.length === 0 ? (
        <p className="muted">{t('family.noAgreements')}</p>
      ) : (
        <ul className="plain agreements">
          {agreements.map((a) => (
            <AgreementItem key={a.id} agreement={a} familyId={family.id} imported={family.imported} />
          ))}
        </ul>
      )}
    </section>
  );
}

function AgreementItem({
  agreement: a,
  familyId,
  imported,
}: {
  agreement: Agreement;
  familyId: string;
  imported: FamilyFile['imported'];
}) {
  const { t } = useTranslation();
  const { date } = useLocale();
  const queryClient = useQueryClient();
  const done = useMutation({
    mutationFn: () =>
      api.call('PATCH /api/agreements/:id', {
        params: { id: a.id },
        body: { version: a.version, status: 'done' },
      }),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: ['family', familyId] });
      void queryClient.invalidateQueries({ queryKey: ['worklist'] });
    },
  });
  const overdue = a.status === 'open' && a.followUpDue !== null && a.followUpDue < today();
  return (
    <li className={`agreement agreement--${a.status}`}>
      {a.text && <p>{a.text}</p>}
      <p className="muted">
        {a.followUpDue && (
          <span className={overdue ? 'badge badge--danger' : undefined}>
            {t('family.followUpDue', { date: date(a.followUpDue) })}
          </span>
        )}
        {a.extraContact && ` · ${t('family.extraContact')}`}
        {a.status === 'done' && ` · ${t('family.done')}`}{' '}
        <ImportedBadge marker={imported} kind="agreements" id={a.id} />
      </p>
      {a.nextTopic && (
        <p>
          {t('family.nextTopic', { topic: a.nextTopic })}{' '}
          {a.nextTopicPermission && <span className="muted">({t('family.nextTopicWithPermission')})</span>}
        </p>
      )}
      {done.isError && <ErrorNotice error={done.error} />}
      {a.status === 'open' && (
        <button
          type="button"
          className="button button--small"
          onClick={() => done.mutate()}
          disabled={done.isPending}
        >
          {t('family.markDone')}
        </button>
      )}
    </li>
  );
}
