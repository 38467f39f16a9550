import type { FamilyFile } from '@nestwerk/contract';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../app/locale.tsx';

/** The engine's suggestion next to the estimate agreed with the parent, per contact. */
export function EstimateHistory({ family }: { family: FamilyFile }) {
  const { t } = useTranslation();
  const { date } = useLocale();
  const rows = [...family.assessments].sort((a, b) => b.date.localeCompare(a.date));
  if (rows.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="estimates-title">
      <h2 id="estimates-title">{t('family.estimates')}</h2>
      <div className="table-wrap">
        <table className="table table--compact">
          <thead>
            <tr>
              <th scope="col">{t('family.estimateDate')}</th>
              <th scope="col">{t('family.suggested')}</th>
              <th scope="col">{t('family.agreed')}</th>
              <th scope="col">{t('worklist.columns.flags')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((a) => (
              <tr key={a.contactId}>
                <th scope="row">{date(a.date)}</th>
                <td>{t(`common.bands.${a.suggestedBand}`)}</td>
                <td>
                  {a.agreedBand ? (
                    t(`common.bands.${a.agreedBand}`)
                  ) : (
                    <span className="muted">{t('family.notAgreed')}</span>
                  )}
                </td>
                <td>
                  {[
                    a.safetyConcern && t('family.safetyConcern'),
                    a.cumulativeRisk && t('family.cumulativeRisk'),
                  ]
                    .filter(Boolean)
                    .join(', ') || <span className="muted">{t('worklist.noFlags')}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
