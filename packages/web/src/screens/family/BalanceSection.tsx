import type { AssessmentHistoryItem, BalanceByLevel, FamilyFile } from '@nestwerk/contract';
import { useTranslation } from 'react-i18next';

export type WithTallies = AssessmentHistoryItem & { balanceByLevel: BalanceByLevel };

import { BalancePicture } from '../shared/BalancePicture.tsx';
import { BalanceHistory } from './BalanceHistory.tsx';

export function BalanceSection({ family }: { family: FamilyFile }) {
  const { t } = useTranslation();
  const history = family.assessments
    .filter((a): a is WithTallies => a.balanceByLevel !== null)
    .sort((a, b) => a.date.localeCompare(b.date));
  const latest = history.at(-1);
  return (
    <section className="panel" aria-labelledby="balance-title">
      <h2 id="balance-title">{t('family.balance')}</h2>
      {!latest ? (
        <p className="muted">{t('family.balanceNone')}</p>
      ) : (
        <>
          <p className="hint">{t('family.balanceIntro')}</p>
          <BalancePicture tallies={latest.balanceByLevel} />
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
