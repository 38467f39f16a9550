import type { PortalAccessLogEntry } from '@nestwerk/contract';
import { useInfiniteQuery } from '@tanstack/react-query';
import { accessLogLines } from './access-log-lines.ts';
import { type PortalKey, type PortalT, usePortalT } from './i18n.ts';
import { usePortalLocale } from './locale.tsx';
import { LoadError, Loading } from './PortalRoot.tsx';
import { portalApi } from './session.tsx';

const PAGE = 50;
const ROLES = [
  'nurse',
  'physician',
  'team_lead',
  'imh_specialist',
  'application_manager',
  'analyst',
  'parent',
];

function who(t: PortalT, entry: PortalAccessLogEntry): string {
  if (entry.self) return t('access.you');
  const role = t(`access.roles.${ROLES.includes(entry.role ?? '') ? entry.role : 'other'}` as PortalKey);
  const organisation = entry.organisation ?? '';
  return entry.name
    ? t('access.named', { name: entry.name, role, organisation })
    : t('access.someone', { role, organisation });
}

/** "Wie heeft je dossier bekeken": when, which organisation and role, and what, worded from the server's codes. */
export default function AccessLogPage() {
  const t = usePortalT();
  const { dateTime, time } = usePortalLocale();
  const log = useInfiniteQuery({
    queryKey: ['portal', 'access-log'],
    queryFn: ({ pageParam }) =>
      portalApi.call('GET /api/portal/access-log', {
        query: { offset: String(pageParam), limit: String(PAGE) },
      }),
    initialPageParam: 0,
    getNextPageParam: (last, pages) => {
      const seen = pages.reduce((n, p) => n + p.items.length, 0);
      return seen < last.total ? seen : undefined;
    },
  });
  if (log.isPending) return <Loading />;
  if (log.isError) return <LoadError onRetry={() => void log.refetch()} />;
  const items = accessLogLines(log.data.pages.flatMap((p) => p.items));
  return (
    <div>
      <h1>{t('access.title')}</h1>
      <p>{t('access.intro')}</p>
      {items.length === 0 && <p className="empty">{t('access.none')}</p>}
      <ol className="plain portal-log" data-testid="access-log">
        {items.map((entry, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: log lines have no id; the list only grows at its end and never reorders
          <li key={`${entry.at}-${i}`} className="portal-log__item">
            <p className="portal-log__when">
              <span className="visually-hidden">{t('access.when')}: </span>
              {entry.since ? (
                t('access.span', { from: dateTime(entry.since), to: time(entry.at) })
              ) : (
                <time dateTime={entry.at}>{dateTime(entry.at)}</time>
              )}
            </p>
            <p className="portal-log__who">
              <span className="visually-hidden">{t('access.who')}: </span>
              {who(t, entry)}
            </p>
            <p className="portal-log__what">
              <span className="visually-hidden">{t('access.what')}: </span>
              {t(`access.actions.${entry.action}`)}
              {entry.times > 1 && ` ${t('access.times', { count: entry.times })}`}
            </p>
            {entry.emergency && (
              <p className="portal-log__emergency">
                <strong>{t('access.emergency')}.</strong> {t('access.emergencyHint')}
              </p>
            )}
          </li>
        ))}
      </ol>
      {log.hasNextPage && (
        <button
          type="button"
          className="button"
          disabled={log.isFetchingNextPage}
          onClick={() => void log.fetchNextPage()}
        >
          {t('access.more')}
        </button>
      )}
    </div>
  );
}
