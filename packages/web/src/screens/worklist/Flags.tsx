import { useTranslation } from 'react-i18next';
import type { WorklistItem } from '../../api/types.ts';

/**
 * Flags as words with a shape, never colour alone (WCAG 1.4.1), in the order the worklist sorts by: an open
 * safety route first, then safety signals without a route, an urgent screening, overdue feedback.
 */
export function Flags({ item }: { item: WorklistItem }) {
  const { t } = useTranslation();
  const { flags } = item;
  const all: Array<[boolean, string, string]> = [
    [
      flags.safety && item.safetyRoute !== null,
      'safety',
      item.safetyRoute
        ? t('network.safety.worklist', { step: item.safetyRoute.currentStep })
        : t('worklist.flags.safety'),
    ],
    [flags.safetySignals, 'signals', t('worklist.flags.safetySignals')],
    [flags.urgentScreening, 'urgent', t('worklist.flags.urgentScreening')],
    [
      flags.feedbackOverdue,
      'feedback',
      t('network.worklist.feedbackOverdue', { count: item.overdueFeedback }),
    ],
    [item.screeningsDue > 0, 'screening', t('screening.worklist.flag', { count: item.screeningsDue })],
    [flags.problematicSuspected, 'problematic', t('worklist.flags.problematicSuspected')],
    [flags.cumulativeRisk, 'risk', t('worklist.flags.cumulativeRisk')],
  ];
  const shown = all.filter(([on]) => on).map(([, kind, label]) => [kind, label] as const);
  // "geen" above a balance line read as if the burdens were nothing to note: say it only on a calm row.
  const weighed = (item.balance?.hindering ?? 0) > 0;
  return (
    <>
      {shown.length === 0 ? (
        !weighed && <span className="muted">{t('worklist.noFlags')}</span>
      ) : (
        <ul className="flags">
          {shown.map(([kind, label]) => (
            <li key={kind} className={`flag flag--${kind}`}>
              {label}
            </li>
          ))}
        </ul>
      )}
      <Balance item={item} />
    </>
  );
}

/** Burdens against strengths at the last contact: why cumulative risk is (or is not) a reason to go first. */
function Balance({ item }: { item: WorklistItem }) {
  const { t } = useTranslation();
  const b = item.balance;
  // Without a burden there is nothing to weigh: the line would only be noise on a calm row.
  if (!b || b.hindering === 0) return null;
  return (
    <p className={`list-balance list-balance--${b.tilt}`} title={t('worklist.balance.label')}>
      <span className="visually-hidden">{t('worklist.balance.label')}: </span>
      {t('worklist.balance.counts', { hindering: b.hindering, protective: b.protective })}
      {' — '}
      {t(`worklist.balance.tilt.${b.tilt}`)}
    </p>
  );
}
