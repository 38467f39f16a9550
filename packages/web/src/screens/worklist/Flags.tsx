import { useTranslation } from 'react-i18next';
import type { WorklistItem } from '../../api/types.ts';

/** Flags as words with a shape, never colour alone (WCAG 1.4.1). Safety first, as everywhere. */
export function Flags({ item }: { item: WorklistItem }) {
  const { t } = useTranslation();
  const { flags } = item;
  const all: Array<[boolean, string, string]> = [
    [
      flags.safety,
      'safety',
      item.safetyRoute
        ? t('network.safety.worklist', { step: item.safetyRoute.currentStep })
        : t('worklist.flags.safety'),
    ],
    [
      flags.feedbackOverdue === true,
      'feedback',
      t('network.worklist.feedbackOverdue', { count: item.overdueFeedback ?? 1 }),
    ],
    [
      (item.screeningsDue ?? 0) > 0,
      'screening',
      t('screening.worklist.flag', { count: item.screeningsDue ?? 0 }),
    ],
    [flags.problematicSuspected, 'problematic', t('worklist.flags.problematicSuspected')],
    [flags.cumulativeRisk, 'risk', t('worklist.flags.cumulativeRisk')],
  ];
  const shown = all.filter(([on]) => on).map(([, kind, label]) => [kind, label] as const);
  if (shown.length === 0) return <span className="muted">{t('worklist.noFlags')}</span>;
  return (
    <ul className="flags">
      {shown.map(([kind, label]) => (
        <li key={kind} className={`flag flag--${kind}`}>
          {label}
        </li>
      ))}
    </ul>
  );
}
