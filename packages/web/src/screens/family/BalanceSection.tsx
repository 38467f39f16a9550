import type { AssessmentHistoryItem, BalanceByLevel, FamilyFile } from '@nestwerk/contract';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';

export type WithTallies = AssessmentHistoryItem & { balanceByLevel: BalanceByLevel };

import { ParentsAdvice } from '../screening/ParentsAdvice.tsx';
import { BalancePicture } from '../shared/BalancePicture.tsx';
import { BalanceHistory } from './BalanceHistory.tsx';

export function BalanceSection({ family }: { family: FamilyFile }) {
  const { t } = useTranslation();
  const history = family.assessments
    .filter((a): a is WithTallies => a.balanceByLevel !== null)
    .sort((a, b) => a.date.localeCompare(b.date));
  const latest = history.at(-1);
  // The history keeps tallies only; each parent's own factors are in the latest contact's stored assessment.
  const latestContact = useQuery({
    queryKey: ['contact', latest?.contactId],
    queryFn: () => api.call('GET /api/contacts/:id', { params: { id: latest?.contactId ?? '' } }),
    enabled: latest !== undefined,
  });
  const stored = latestContact.data?.assessment;
  return (
    <section className="panel" aria-labelledby="balance-title">
      <h2 id="balance-title">{t('family.balance')}</h2>
      {!latest ? (
        <p className="muted">{t('family.balanceNone')}</p>
      ) : (
        <>
          <p className="hint">{t('family.balanceIntro')}</p>
          <BalancePicture tallies={latest.balanceByLevel} />
          {stored && (
            <ParentsAdvice
              assessment={{ balance: stored.balance }}
              caregivers={family.caregivers}
              familyId={family.id}
            />
          )}
          {history.length > 1 && (
            <>
              <h3>{t('family.balanceHistory')}</h3>
              <BalanceHistory history={history} />
            </>
          )}
        </>
      )}
    </section>
  );
}
