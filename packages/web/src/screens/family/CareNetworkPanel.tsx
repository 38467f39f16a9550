import type { FamilyFile } from '@nestwerk/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { ErrorNotice } from '../shared/ErrorNotice.tsx';

/** Wrapped care: everyone involved, inside and outside the organisation, with role, contact and coordinator. */
export function CareNetworkPanel({ family }: { family: FamilyFile }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const members = family.careNetwork?.members ?? [];
  const [form, setForm] = useState({ name: '', role: '', organisation: '', phone: '', email: '' });
  const [adding, setAdding] = useState(false);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['family', family.id] });
  const add = useMutation({
    mutationFn: () =>
      api.call('POST /api/families/:id/care-network', {
        params: { id: family.id },
        body: Object.fromEntries(Object.entries(form).filter(([, v]) => v.trim())) as { role: string },
      }),
    onSuccess: () => {
      setForm({ name: '', role: '', organisation: '', phone: '', email: '' });
      setAdding(false);
      refresh();
    },
  });
  const coordinate = useMutation({
    mutationFn: (id: string) => {
      const member = members.find((m) => m.id === id);
      if (!member) throw new Error('unknown member');
      return api.call('PATCH /api/families/:id/care-network/:memberId', {
        params: { id: family.id, memberId: member.id },
        body: { version: member.version, coordinator: true },
      });
    },
    onSuccess: refresh,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (form.role.trim() && form.name.trim()) add.mutate();
  };
  const fields = ['name', 'role', 'organisation', 'phone', 'email'] as const;
  return (
    <section className="panel" aria-labelledby="family-care-network">
      <h2 id="family-care-network">{t('network.careNetwork.title')}</h2>
      {members.length === 0 ? (
        <p className="muted">{t('network.careNetwork.empty')}</p>
      ) : (
        <ul className="plain care-network" data-testid="care-network">
          {members.map((m) => (
            <li key={m.id} className="person">
              <strong>{m.name}</strong>, {m.role}
              {m.organisation && <span className="muted"> ({m.organisation})</span>}
              {m.coordinator && (
                <span className="tag tag--recommended">{t('network.careNetwork.coordinator')}</span>
              )}
              {(m.phone || m.email) && (
                <div className="muted">{[m.phone, m.email].filter(Boolean).join(' · ')}</div>
              )}
              {!m.coordinator && (
                <button
                  type="button"
                  className="button button--small button--quiet"
                  onClick={() => coordinate.mutate(m.id)}
                >
                  {t('network.careNetwork.makeCoordinator', { name: m.name })}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {coordinate.isError && <ErrorNotice error={coordinate.error} />}
      {adding ? (
        <form className="form" onSubmit={submit}>
          {fields.map((key) => (
            <div className="field" key={key}>
              <label htmlFor={`care-${key}`}>{t(`network.careNetwork.${key}`)}</label>
              <input
                id={`care-${key}`}
                type={key === 'email' ? 'email' : key === 'phone' ? 'tel' : 'text'}
                required={key === 'name' || key === 'role'}
                value={form[key]}
                onChange={(e) => setForm((f) => ({ ...f, [key]: e.target.value }))}
              />
            </div>
          ))}
          <div className="actions">
            <button type="submit" className="button button--primary" disabled={add.isPending}>
              {t('common.add')}
            </button>
            <button type="button" className="button button--quiet" onClick={() => setAdding(false)}>
              {t('common.cancel')}
            </button>
          </div>
          {add.isError && <ErrorNotice error={add.error} />}
        </form>
      ) : (
        <button type="button" className="button" onClick={() => setAdding(true)}>
          {t('network.careNetwork.add')}
        </button>
      )}
    </section>
  );
}
