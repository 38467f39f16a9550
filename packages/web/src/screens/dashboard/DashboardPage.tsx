import type { Dashboard, DashboardIndicator, DashboardTable } from '@nestwerk/contract';
import type { ScreeningOutcome } from '@nestwerk/knowledge';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { useLocale } from '../../app/locale.tsx';
import type { Messages } from '../../i18n/nl.ts';
import { useSearchState } from '../../lib/useSearchState.ts';
import { ErrorNotice } from '../shared/ErrorNotice.tsx';
import { BarChart } from './BarChart.tsx';
import { Durations } from './Durations.tsx';
import { FigureTable } from './FigureTable.tsx';
import './dashboard.css';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

function readFilters(params: URLSearchParams) {
  const region = params.get('region');
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  return {
    region: region === 'nl' || region === 'be' ? (region as 'nl' | 'be') : undefined,
    from: MONTH.test(from) ? from : undefined,
    to: MONTH.test(to) ? to : undefined,
  };
}

type Filters = ReturnType<typeof readFilters>;

function searchOf(filters: Filters): URLSearchParams {
  const search = new URLSearchParams();
  if (filters.region) search.set('region', filters.region);
  if (filters.from) search.set('from', filters.from);
  if (filters.to) search.set('to', filters.to);
  return search;
}

/** The municipal dashboard: published, disclosure-controlled figures per fixed quarter, never a family. */
export default function DashboardPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchState();
  const filters = readFilters(params);
  const figures = useQuery({
    queryKey: ['dashboard', filters],
    queryFn: () => api.call('GET /api/dashboard', { query: filters }),
    placeholderData: keepPreviousData,
  });
  const [quarter, setQuarter] = useState<string | null>(null);
  const periods = figures.data?.periods ?? [];
  const shown = quarter && periods.includes(quarter) ? quarter : (periods[periods.length - 1] ?? null);
  const exportHref = `/api/dashboard/export${searchOf(filters).size > 0 ? `?${searchOf(filters)}` : ''}`;

  return (
    <>
      <div className="page-head">
        <h1>{t('dashboard.title')}</h1>
        <a className="button" href={exportHref} download data-testid="dashboard-export">
          {t('dashboard.export')}
        </a>
      </div>
      <p className="lead">{t('dashboard.intro')}</p>
      <DashboardFilters
        filters={filters}
        region={figures.data?.region}
        onChange={(next) => setParams(() => searchOf(next))}
      />
      {figures.isError && <ErrorNotice error={figures.error} onRetry={() => void figures.refetch()} />}
      {figures.isPending && (
        <p role="status" className="loading">
          {t('app.loading')}
        </p>
      )}
      {figures.data && shown && (
        <>
          <QuarterPicker periods={periods} shown={shown} onPick={setQuarter} />
          <Figures dashboard={figures.data} period={shown} />
        </>
      )}
    </>
  );
}

function DashboardFilters({
  filters,
  region,
  onChange,
}: {
  filters: Filters;
  region: 'nl' | 'be' | undefined;
  onChange(next: Filters): void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState({
    region: filters.region ?? region ?? 'nl',
    from: filters.from ?? '',
    to: filters.to ?? '',
  });
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setDraft({ region: filters.region ?? region ?? 'nl', from: filters.from ?? '', to: filters.to ?? '' });
  }, [filters.region, filters.from, filters.to, region]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (draft.from && draft.to && draft.from > draft.to) {
      setError(t('dashboard.errors.toBeforeFrom'));
      return;
    }
    setError(null);
    onChange({ region: draft.region, from: draft.from || undefined, to: draft.to || undefined });
  };
  return (
    <search>
      <form className="filters" onSubmit={submit}>
        <div className="field">
          <label htmlFor="dashboard-region">{t('dashboard.region')}</label>
          <select
            id="dashboard-region"
            value={draft.region}
            onChange={(e) => setDraft({ ...draft, region: e.target.value === 'be' ? 'be' : 'nl' })}
          >
            <option value="nl">{t('dashboard.regions.nl')}</option>
            <option value="be">{t('dashboard.regions.be')}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="dashboard-from">{t('dashboard.from')}</label>
          <input
            id="dashboard-from"
            type="month"
            value={draft.from}
            onChange={(e) => setDraft({ ...draft, from: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor="dashboard-to">{t('dashboard.to')}</label>
          <input
            id="dashboard-to"
            type="month"
            value={draft.to}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'dashboard-to-error' : undefined}
            onChange={(e) => setDraft({ ...draft, to: e.target.value })}
          />
          {error && (
            <p className="field__error" id="dashboard-to-error">
              {error}
            </p>
          )}
        </div>
        <div className="field">
          <span className="field__label-spacer" aria-hidden="true" />
          <button type="submit" className="button button--primary">
            {t('dashboard.apply')}
          </button>
        </div>
      </form>
      <p className="muted dashboard-rule">{t('dashboard.fixedPeriods')}</p>
    </search>
  );
}

export function quarterName(t: TFunction, period: string): string {
  return t('dashboard.quarter', { year: period.slice(0, 4), q: period.slice(6) });
}

function QuarterPicker({
  periods,
  shown,
  onPick,
}: {
  periods: string[];
  shown: string;
  onPick(period: string): void;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="segmented quarter-picker">
      <legend>{t('dashboard.quarterPicker')}</legend>
      {periods.map((p) => (
        <label key={p} className="segmented__option">
          <input type="radio" name="quarter" value={p} checked={p === shown} onChange={() => onPick(p)} />
          <span>{quarterName(t, p)}</span>
        </label>
      ))}
    </fieldset>
  );
}

type AgeBand = 'prenatal' | '0_1' | '1_4' | '4_plus';
type Band = 'safe' | 'insecure' | 'problematic_suspected' | 'unclear';
type Column = keyof Messages['dashboard']['columns'];

function Figures({ dashboard, period }: { dashboard: Dashboard; period: string }) {
  const { t } = useTranslation();
  const { know } = useLocale();
  const kinds = useQuery({ queryKey: ['partner-kinds'], queryFn: () => api.call('GET /api/partner-kinds') });
  const tables = dashboard.tables.filter((x) => x.period === period);
  const columnLabel = (indicator: DashboardIndicator) => (c: string) => {
    if (indicator === 'signals') return t(`common.bands.${c as Band}`);
    if (indicator === 'screening_outcomes') return t(`screening.outcomes.${c as ScreeningOutcome}`);
    if (indicator === 'reach') return t(`dashboard.ageBands.${c as AgeBand}`);
    return t(`dashboard.columns.${c as Column}`);
  };
  const rowLabel = (table: DashboardTable) => (key: string, label: string) => {
    if (table.rowKind === 'route') {
      const kind = kinds.data?.items.find((k) => k.code === key);
      return kind ? know(kind.label) : key;
    }
    return key === '-' ? t('dashboard.unknownMunicipality') : label;
  };
  const caption = (table: DashboardTable) =>
    `${t(`dashboard.indicators.${table.indicator}.title`)}, ${quarterName(t, period)}`;
  if (tables.length === 0) return <p className="empty">{t('dashboard.noData')}</p>;
  return (
    <>
      <p className="muted">
        {t('dashboard.minimums', { minCount: dashboard.minCount, minDenominator: dashboard.minDenominator })}
      </p>
      <div className="dashboard-grid">
        {tables.map((table) => (
          <section key={table.id} className="card dashboard-card" aria-labelledby={`h-${table.id}`}>
            <h2 id={`h-${table.id}`}>{t(`dashboard.indicators.${table.indicator}.title`)}</h2>
            <p className="muted">{t(`dashboard.indicators.${table.indicator}.help`)}</p>
            <div className="dashboard-card__body">
              <BarChart
                table={{ ...table, title: caption(table) }}
                columnLabel={columnLabel(table.indicator)}
                rowLabel={rowLabel(table)}
              />
              <FigureTable
                table={table}
                caption={caption(table)}
                columnLabel={columnLabel(table.indicator)}
                rowLabel={rowLabel(table)}
              />
            </div>
          </section>
        ))}
        <Durations durations={dashboard.durations.filter((d) => d.period === period)} period={period} />
      </div>
    </>
  );
}
