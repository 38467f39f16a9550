import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { DueFilter, WorklistScope } from '../../api/types.ts';

type FilterChange = { scope?: WorklistScope; due?: DueFilter; q?: string };

interface WorklistEmptyProps {
  scope: WorklistScope;
  due: DueFilter;
  q: string;
  /** Whether the user belongs to a team, so "my team's families" can be offered. */
  hasTeam: boolean;
  onChange(changes: FilterChange): void;
}

type Widen = { reason: string; action: { label: string; change: FilterChange } | null };

/** Why the list is empty, and the one step that widens it, narrowest filter first. */
function widen({ scope, due, q, hasTeam }: Omit<WorklistEmptyProps, 'onChange'>, t: TFunction): Widen {
  if (q)
    return {
      reason: t('worklist.emptyBecause.search', { q }),
      action: { label: t('worklist.emptyAction.clearSearch'), change: { q: '' } },
    };
  if (due !== 'all')
    return {
      reason: t('worklist.emptyBecause.due'),
      action: { label: t('worklist.emptyAction.allDue'), change: { due: 'all' } },
    };
  if (scope === 'team') return { reason: t('worklist.emptyBecause.team'), action: null };
  return {
    reason: t('worklist.emptyBecause.mine'),
    action: hasTeam ? { label: t('worklist.emptyAction.team'), change: { scope: 'team' } } : null,
  };
}

/**
 * An empty list says why, and offers the one step that widens it: without the search, without the follow-up
 * filter, or the team's families for someone with no families of their own (a team lead, a new colleague).
 */
export function WorklistEmpty({ onChange, ...filters }: WorklistEmptyProps) {
  const { t } = useTranslation();
  const { reason, action } = widen(filters, t);
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
