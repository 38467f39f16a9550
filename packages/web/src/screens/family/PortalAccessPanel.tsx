import type { FamilyFile, InvitationOut, PortalAccess } from '@nestwerk/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { useLocale } from '../../app/locale.tsx';
import { dayOf } from '../../lib/dates.ts';
import { ErrorNotice } from '../shared/ErrorNotice.tsx';

// The letter carries the QR library and the parents' wording: loaded only when a letter is made.
const InvitationLetter = lazy(() => import('./InvitationLetter.tsx'));

type Mode = { kind: 'invite' | 'suspend' | 'resume'; personId: string } | null;

/** Per caregiver: invite to the parent portal (printed letter with code and QR code), suspend or restore access. */
export function PortalAccessPanel({ family }: { family: FamilyFile }) {
  const { t } = useTranslation();
  const { date } = useLocale();
  const queryClient = useQueryClient();
  const key = ['families', family.id, 'portal-access'];
  const access = useQuery({
    queryKey: key,
    queryFn: () => api.call('GET /api/families/:id/portal-access', { params: { id: family.id } }),
  });
  const [mode, setMode] = useState<Mode>(null);
  const [letter, setLetter] = useState<{ invitation: InvitationOut; person: PortalAccess } | null>(null);
  if (access.isPending) return null;
  if (access.isError) return <ErrorNotice error={access.error} />;
  const refresh = () => void queryClient.invalidateQueries({ queryKey: key });

  const status = (c: PortalAccess) => {
    if (c.blocked) return t(`family.portal.blocked.${c.blocked}`);
    if (c.account?.status === 'suspended')
      return t('family.portal.suspended', {
        date: c.account.suspendedAt ? date(dayOf(c.account.suspendedAt)) : '',
        reason: c.account.suspendedReason ?? '',
      });
    if (c.account?.status === 'active')
      return t('family.portal.active', {
        date: date(dayOf(c.account.createdAt)),
        email: c.account.email,
      });
    if (c.account?.status === 'enrolling') return t('family.portal.enrolling', { email: c.account.email });
    if (c.invitation) return t('family.portal.invited', { date: date(dayOf(c.invitation.expiresAt)) });
    return t('family.portal.noAccount');
  };

  return (
    <section className="panel portal-access" aria-labelledby="portal-access-title">
      <h2 id="portal-access-title">{t('family.portal.title')}</h2>
      <p className="hint">{t('family.portal.intro')}</p>
      <ul className="plain people">
        {access.data.caregivers.map((c) => {
          const name = `${c.givenName} ${c.familyName}`;
          const open = mode?.personId === c.personId ? mode.kind : null;
          return (
            <li key={c.personId} className="person" data-testid="portal-access-person">
              <div>
                <strong>{name}</strong>
                <span className="muted"> · {status(c)}</span>
              </div>
              <span className="person__actions">
                {!c.blocked && c.account?.status !== 'active' && c.account?.status !== 'suspended' && (
                  <button
                    type="button"
                    className="button button--small"
                    aria-label={t('family.portal.inviteFor', { name })}
                    onClick={() => setMode({ kind: 'invite', personId: c.personId })}
                  >
                    {c.invitation ? t('family.portal.inviteAgain') : t('family.portal.invite')}
                  </button>
                )}
                {c.account && c.account.status !== 'suspended' && (
                  <button
                    type="button"
                    className="button button--small button--quiet"
                    aria-label={t('family.portal.suspendFor', { name })}
                    onClick={() => setMode({ kind: 'suspend', personId: c.personId })}
                  >
                    {t('family.portal.suspend')}
                  </button>
                )}
                {c.account?.status === 'suspended' && (
                  <button
                    type="button"
                    className="button button--small"
                    aria-label={t('family.portal.resumeFor', { name })}
                    onClick={() => setMode({ kind: 'resume', personId: c.personId })}
                  >
                    {t('family.portal.resume')}
                  </button>
                )}
              </span>
              {open === 'invite' && (
                <InviteForm
                  familyId={family.id}
                  person={c}
                  onCancel={() => setMode(null)}
                  onDone={(invitation) => {
                    setMode(null);
                    setLetter({ invitation, person: c });
                    refresh();
                  }}
                />
              )}
              {(open === 'suspend' || open === 'resume') && (
                <ReasonForm
                  familyId={family.id}
                  person={c}
                  kind={open}
                  onCancel={() => setMode(null)}
                  onDone={() => {
                    setMode(null);
                    refresh();
                  }}
                />
              )}
            </li>
          );
        })}
      </ul>
      {letter && (
        <Suspense fallback={null}>
          <InvitationLetter
            invitation={letter.invitation}
            person={letter.person}
            familyName={family.name}
            onClose={() => setLetter(null)}
          />
        </Suspense>
      )}
    </section>
  );
}

function InviteForm({
  familyId,
  person,
  onCancel,
  onDone,
}: {
  familyId: string;
  person: PortalAccess;
  onCancel(): void;
  onDone(invitation: InvitationOut): void;
}) {
  const { t } = useTranslation();
  const [checked, setChecked] = useState(person.parentalAuthority === true);
  const [missing, setMissing] = useState(false);
  const invite = useMutation({
    mutationFn: () =>
      api.call('POST /api/families/:id/persons/:personId/portal-invitation', {
        params: { id: familyId, personId: person.personId },
        body: { parentalAuthority: true },
      }),
    onSuccess: onDone,
  });
  const id = `portal-authority-${person.personId}`;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!checked) {
      setMissing(true);
      return;
    }
    invite.mutate();
  };
  return (
    <form className="form portal-access__form" onSubmit={submit}>
      <label className="check" htmlFor={id}>
        <input
          id={id}
          type="checkbox"
          checked={checked}
          onChange={(e) => {
            setChecked(e.target.checked);
            setMissing(false);
          }}
          aria-describedby={missing ? `${id}-error` : undefined}
          aria-invalid={missing ? true : undefined}
        />
        <span>{t('family.portal.authorityCheck', { name: `${person.givenName} ${person.familyName}` })}</span>
      </label>
      {missing && (
        <p className="field__error" id={`${id}-error`}>
          {t('family.portal.authorityRequired')}
        </p>
      )}
      {invite.isError && <ErrorNotice error={invite.error} />}
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={invite.isPending}>
          {t('family.portal.create')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('family.portal.cancel')}
        </button>
      </div>
    </form>
  );
}

function ReasonForm({
  familyId,
  person,
  kind,
  onCancel,
  onDone,
}: {
  familyId: string;
  person: PortalAccess;
  kind: 'suspend' | 'resume';
  onCancel(): void;
  onDone(): void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const change = useMutation({
    mutationFn: () =>
      api.call(
        kind === 'suspend'
          ? 'POST /api/families/:id/persons/:personId/portal-access/suspend'
          : 'POST /api/families/:id/persons/:personId/portal-access/resume',
        { params: { id: familyId, personId: person.personId }, body: { reason: reason.trim() } },
      ),
    onSuccess: onDone,
  });
  const id = `portal-reason-${person.personId}`;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim()) {
      setMissing(true);
      return;
    }
    change.mutate();
  };
  return (
    <form className="form portal-access__form" onSubmit={submit}>
      <div className="field">
        <label htmlFor={id}>{t('family.portal.reason')}</label>
        <textarea
          id={id}
          rows={2}
          maxLength={500}
          value={reason}
          onChange={(e) => {
            setReason(e.target.value);
            setMissing(false);
          }}
          aria-invalid={missing ? true : undefined}
          aria-describedby={missing ? `${id}-error` : undefined}
        />
        {missing && (
          <p className="field__error" id={`${id}-error`}>
            {t('family.portal.reasonRequired')}
          </p>
        )}
      </div>
      {change.isError && <ErrorNotice error={change.error} />}
      <div className="actions">
        <button
          type="submit"
          className={kind === 'suspend' ? 'button button--danger' : 'button button--primary'}
          disabled={change.isPending}
        >
          {kind === 'suspend' ? t('family.portal.confirmSuspend') : t('family.portal.confirmResume')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('family.portal.cancel')}
        </button>
      </div>
    </form>
  );
}
