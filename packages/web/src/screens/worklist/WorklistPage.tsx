import type { DueFilter, WorklistScope } from '@nestwerk/contract';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client.ts';
import { useUser } from '../../app/session.tsx';
import { useSearchState } from '../../lib/useSearchState.ts';
import { ErrorNotice } from '../shared/ErrorNotice.tsx';
import { Pager } from './Pager.tsx';
import { WorklistEmpty } from './WorklistEmpty.tsx';
import { WorklistFilters } from './WorklistFilters.tsx';
import { WorklistTable } from './WorklistTable.tsx';

export const PAGE_SIZE = 25;

/** Filters live in the address, so the back button and a reload return to the same page of the list. */
function readParams(params: URLSearchParams) {
  const scope: WorklistScope = params.get('scope') === 'team' ? 'team' : 'mine';
  const dueParam = params.get('due');
  const due: DueFilter =
    dueParam === 'today' || dueParam === 'overdue' || dueParam === 'week' ? dueParam : 'all';
  const q = params.get('q') ?? '';
  const offset = Math.max(0, Number.parseInt(params.get('offset') ?? '0', 10) || 0);
  return { scope, due, q, offset };
}

export default function WorklistPage() {
  const { t } = useTranslation();
  const user = useUser();
  const [params, setParams] = useSearchState();
  const filters = readParams(params);
  const list = useQuery({
    queryKey: ['worklist', filters],
    queryFn: () => api.call('GET /api/worklist', { query: { ...filters, limit: PAGE_SIZE } }),
    placeholderData: keepPreviousData,
  });

  const update = (changes: Partial<typeof filters>, options?: { replace?: boolean }) => {
    const next = { ...filters, offset: 0, ...changes };
    const search = new URLSearchParams();
    if (next.scope !== 'mine') search.set('scope', next.scope);
    if (next.due !== 'all') search.set('due', next.due);
    if (next.q) search.set('q', next.q);
    if (next.offset > 0) search.set('offset', String(next.offset));
    setParams(() => search, options);
  };

  // A page past the end (a bookmark, or families that left the caseload since the list was paged): the last
  // page instead of an empty table under "51–50 of 50". Replaced in the history, so Back does not return here.
  const total = list.data?.total ?? 0;
  const pastEnd = !list.isPlaceholderData && total > 0 && list.data?.items.length === 0 && filters.offset > 0;
  const lastPage = Math.floor((total - 1) / PAGE_SIZE) * PAGE_SIZE;
  useEffect(() => {
    if (pastEnd) update({ offset: lastPage }, { replace: true });
  });

  return (
    <>
      <div className="page-head">
        <h1>{t('worklist.title')}</h1>
        <Link className="button button--primary" to="/families/new">
          {t('worklist.register')}
        </Link>
      </div>
      <WorklistFilters
        scope={filters.scope}
        due={filters.due}
        q={filters.q}
        onChange={(changes) => update(changes)}
      />
      {list.isError && <ErrorNotice error={list.error} onRetry={() => void list.refetch()} />}
      {list.isPending && (
        <p role="status" className="loading">
          {t('app.loading')}
        </p>
      )}
      {list.data && (
        // While a new search or filter loads, the previous list stays in view (no flash of emptiness), dimmed and
        // marked busy so nobody takes it for the answer.
        <div className="worklist-results" aria-busy={list.isPlaceholderData}>
          <p className="result-count" role="status">
            {t('worklist.total', { count: list.data.total })}
            {list.data.total > 0 && <span className="muted"> · {t('worklist.sortNote')}</span>}
          </p>
          {list.data.total === 0 ? (
            <WorklistEmpty
              scope={filters.scope}
              due={filters.due}
              q={filters.q}
              hasTeam={user.team !== null}
              onChange={(changes) => update(changes)}
            />
          ) : (
            <WorklistTable items={list.data.items} />
          )}
          <Pager
            offset={filters.offset}
            limit={PAGE_SIZE}
            total={list.data.total}
            onPage={(offset) => update({ offset })}
          />
        </div>
      )}
    </>
  );
}
