import type { FamilyFile } from '@nestwerk/contract';
import { useTranslation } from 'react-i18next';
import { ParentScreeningList } from '../screening/ParentScreeningList.tsx';

/** Per parent: the latest perinatal screening, the moments due or overdue, and the way to screen now. */
export function ParentScreeningsPanel({ family }: { family: FamilyFile }) {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-labelledby="parent-screenings-title" data-testid="parent-screenings">
      <h2 id="parent-screenings-title">{t('screening.family.title')}</h2>
      <p className="hint">{t('screening.family.intro')}</p>
      <ParentScreeningList
        family={family}
        screenLink={(personId) =>
          `/families/${family.id}/screenings/new?person=${encodeURIComponent(personId)}`
        }
      />
    </section>
  );
}
