import { useTranslation } from 'react-i18next';
import type { DueFilter, WorklistScope } from '../../api/types.ts';

interface WorklistEmptyProps {
  scope: WorklistScope;
  due: DueFilter;
  q: string;
  /** Whether the user belongs to a team, so "my team's families" can be offered. */
  hasTeam: boolean;
  onChange(changes: { scope?: WorklistScope; due?: DueFilter; q?: string }): void;
}

/**
 * An empty list says why, and offers the one step that widens it: without the search, without the follow-up
 * filter, or the team's families for someone with no families of their own (a team lead, a new colleague).
 */
export function WorklistEmpty({ scope, due, q, hasTeam, onChange }: WorklistEmptyProps) {
  const { t } = useTranslation();
  const [reason, action] = q
    ? [
        t('worklist.emptyBecause.search', { q }),
        { label: t('worklist.emptyAction.clearSearch'), change: { q: '' } },
      ]
    : due !== 'all'
      ? [
          t('worklist.emptyBecause.due'),
          { label: t('worklist.emptyAction.allDue'), change: { due: 'all' as const } },
        ]
      : scope === 'mine'
        ? [
            t('worklist.emptyBecause.mine'),
            hasTeam ? { label: t('worklist.emptyAction.team'), change: { scope: 'team' as const } } : null,
          ]
        : [t('worklist.emptyBecause.team'), null];
  return (
    <div className="empty" data-testid="worklist-empty">
      <p>{reason}</p>
      {action && (
        <button type="button" className="button" onClick={() => onChange(action.change)}>
          {action.label}
        </button>
      )}
    </div>
  );
}
