import {
  type InterventionCode,
  interventionName,
  knowledge,
  type PartnerKindCode,
} from '@nestwerk/knowledge';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { useLocale } from '../../app/locale.tsx';
import { useSession } from '../../app/session.tsx';
import { ErrorNotice } from '../shared/ErrorNotice.tsx';
import { PartnerCard } from './PartnerCard.tsx';
import { PartnerImport } from './PartnerImport.tsx';

interface Filters {
  q: string;
  region: string;
  municipality: string;
  kind: string;
  intervention: string;
}

const EMPTY: Filters = { q: '', region: '', municipality: '', kind: '', intervention: '' };

/** The social map: partners around young families, searchable; the application manager imports and exports. */
export default function PartnersPage() {
  const { t } = useTranslation();
  const { know, region } = useLocale();
  const { state } = useSession();
  const manager = state.status === 'authenticated' && state.user.role === 'application_manager';
  // A professional picks from what exists in their own region (no Veilig Thuis in Flanders, no Vertrouwenscentrum
  // in the Netherlands); the application manager maintains the whole map and sees every kind.
  const inRegion = (regions: readonly string[]) => manager || regions.includes(region);
  const [form, setForm] = useState<Filters>(EMPTY);
  const [filters, setFilters] = useState<Filters>(EMPTY);
  const kinds = useQuery({ queryKey: ['partner-kinds'], queryFn: () => api.call('GET /api/partner-kinds') });
  const partners = useQuery({
    queryKey: ['partners', filters],
    queryFn: () =>
      api.call('GET /api/partners', {
        query: {
          ...filters,
          // The selects offer only the knowledge's codes; empty means no filter.
          kind: (filters.kind || undefined) as PartnerKindCode | undefined,
          intervention: (filters.intervention || undefined) as InterventionCode | undefined,
          limit: 100,
        },
      }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setFilters({ ...form });
  };
  const field = (key: keyof Filters) => ({
    id: `partners-${key}`,
    value: form[key],
    onChange: (e: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: e.target.value })),
  });

  return (
    <>
      <div className="page-head">
        <h1>{t('network.partners.title')}</h1>
      </div>
      <p>{t('network.partners.intro')}</p>
      <search aria-label={t('network.partners.filters')}>
        <form className="filters" onSubmit={submit}>
          <div className="field field--grow">
            <label htmlFor="partners-q">{t('network.partners.search')}</label>
            <input type="search" {...field('q')} />
          </div>
          <div className="field">
            <label htmlFor="partners-region">{t('network.partners.region')}</label>
            <input type="text" {...field('region')} />
          </div>
          <div className="field">
            <label htmlFor="partners-municipality">{t('network.partners.municipality')}</label>
            <input type="text" {...field('municipality')} />
          </div>
          <div className="field">
            <label htmlFor="partners-kind">{t('network.partners.kind')}</label>
            <select {...field('kind')}>
              <option value="">{t('network.partners.anyKind')}</option>
              {kinds.data?.items
                .filter((k) => inRegion(k.regions))
                .map((k) => (
                  <option key={k.code} value={k.code}>
                    {know(k.label)}
                  </option>
                ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="partners-intervention">{t('network.partners.intervention')}</label>
            <select {...field('intervention')}>
              <option value="">{t('network.partners.anyIntervention')}</option>
              {knowledge.interventions
                .filter((i) => inRegion(i.regions))
                .map((i) => (
                  <option key={i.code} value={i.code}>
                    {interventionName(i, region)}
                  </option>
                ))}
            </select>
          </div>
          <div className="field">
            <span className="field__label-spacer" aria-hidden="true" />
            <button type="submit" className="button button--primary">
              {t('network.partners.submit')}
            </button>
          </div>
        </form>
      </search>
      {partners.isError && <ErrorNotice error={partners.error} onRetry={() => void partners.refetch()} />}
      {partners.data && (
        <>
          <p className="result-count" role="status">
            {t('network.partners.total', { count: partners.data.total })}
          </p>
          {partners.data.items.length === 0 ? (
            <p className="empty">{t('network.partners.empty')}</p>
          ) : (
            <div className="cards">
              {partners.data.items.map((p) => (
                <PartnerCard key={p.id} partner={p} kinds={kinds.data?.items} />
              ))}
            </div>
          )}
        </>
      )}
      {manager && (
        <section className="panel" aria-labelledby="partners-manage">
          <h2 id="partners-manage">{t('network.partners.manage')}</h2>
          <p>
            <a className="button" href="/api/partners/export" download="sociale-kaart.csv">
              {t('network.partners.export')}
            </a>
          </p>
          <PartnerImport onImported={() => void partners.refetch()} />
        </section>
      )}
    </>
  );
}
