import type { AdminUser, UserRole } from '@nestwerk/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { useLocale } from '../../app/locale.tsx';
import { serverFieldErrors } from '../../lib/field-errors.ts';
import { ErrorNotice } from '../shared/ErrorNotice.tsx';
import { FieldError } from '../shared/FieldError.tsx';
import './admin.css';

/** The new-user form's inputs by the API field they fill. */
const NEW_USER_INPUTS: Readonly<Record<string, string>> = {
  email: 'new-user-email',
  displayName: 'new-user-name',
  role: 'new-user-role',
  teamId: 'new-user-team',
};

const ROLES: readonly UserRole[] = [
  'nurse',
  'physician',
  'team_lead',
  'imh_specialist',
  'application_manager',
  'analyst',
];

/**
 * User administration for the application manager. Taking access away (disable, offboard, end a care
 * relationship) is immediate; giving it (clinical account, credentials, role or team) becomes a request.
 */
export default function UsersPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  // What the last action did, said where it was done: beside the create form (row null) or in the user's row.
  const [message, setMessage] = useState<{ text: string; row: string | null } | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const users = useQuery({
    queryKey: ['admin-users'],
    queryFn: () => api.call('GET /api/admin/users', { query: { limit: 500 } }),
  });
  const teams = useQuery({ queryKey: ['admin-teams'], queryFn: () => api.call('GET /api/admin/teams', {}) });
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ['admin-users'] });
    void queryClient.invalidateQueries({ queryKey: ['admin-relationships'] });
  };
  const requested = (row: string | null) => {
    setMessage({ text: t('admin.users.requested'), row });
    refresh();
  };

  // Emptied once the account is made or requested: a second click must not ask for the same account again.
  const createForm = useRef<HTMLFormElement>(null);
  const create = useMutation({
    mutationFn: (body: { email: string; displayName: string; role: UserRole; teamId: string | null }) =>
      api.call('POST /api/admin/users', { body }),
    onSuccess: (res) => {
      createForm.current?.reset();
      if (res.outcome === 'created') {
        setMessage({ text: t('admin.users.created', { password: res.temporaryPassword }), row: null });
        refresh();
      } else requested(null);
    },
  });
  const reset = useMutation({
    mutationFn: (v: { id: string; resetTotp: boolean }) =>
      api.call('POST /api/admin/users/:id/reset-password', {
        params: { id: v.id },
        body: { resetTotp: v.resetTotp },
      }),
    onSuccess: (_res, v) => requested(v.id),
  });
  const assign = useMutation({
    mutationFn: (v: { id: string; role: UserRole; teamId: string | null }) =>
      api.call('POST /api/admin/users/:id/assignment', {
        params: { id: v.id },
        body: { role: v.role, teamId: v.teamId },
      }),
    onSuccess: (_res, v) => requested(v.id),
  });
  const disable = useMutation({
    mutationFn: (id: string) => api.call('POST /api/admin/users/:id/disable', { params: { id }, body: {} }),
    onSuccess: refresh,
  });
  const enable = useMutation({
    mutationFn: (id: string) => api.call('POST /api/admin/users/:id/enable', { params: { id }, body: {} }),
    onSuccess: (res, id) => (res.outcome === 'pending_approval' ? requested(id) : refresh()),
  });
  const offboard = useMutation({
    mutationFn: (id: string) => api.call('POST /api/admin/users/:id/offboard', { params: { id }, body: {} }),
    onSuccess: (res, id) => {
      setMessage({ text: t('admin.users.offboarded', { count: res.endedRelationships }), row: id });
      refresh();
    },
  });
  // Row actions are only reachable in the open row, so their outcome is shown there; opening another row
  // forgets it, so that one person's refusal is never shown beside another.
  const rowMutations = [reset, assign, disable, enable, offboard];
  const rowError = rowMutations.find((m) => m.error)?.error ?? null;
  const toggle = (id: string) => {
    for (const m of rowMutations) m.reset();
    // A message about a row goes with it; one about the create form stays.
    if (message && message.row !== null) setMessage(null);
    setOpen(open === id ? null : id);
  };

  const created = serverFieldErrors(create.error, t, (path) => NEW_USER_INPUTS[path] ?? null);
  const invalid = (id: string) =>
    created.fields[id] ? { 'aria-invalid': true, 'aria-describedby': `${id}-error` } : {};

  const onCreate = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const teamId = String(form.get('teamId') ?? '');
    create.mutate({
      email: String(form.get('email') ?? ''),
      displayName: String(form.get('displayName') ?? ''),
      role: String(form.get('role')) as UserRole,
      teamId: teamId === '' ? null : teamId,
    });
  };

  const teamSelect = (name: string, value: string | null, id?: string) => (
    <select id={id} name={name} defaultValue={value ?? ''}>
      <option value="">{t('admin.users.noTeam')}</option>
      {teams.data?.items.map((team) => (
        <option key={team.id} value={team.id}>
          {team.name}
        </option>
      ))}
    </select>
  );
  const roleSelect = (value: UserRole, id?: string) => (
    <select id={id} name="role" defaultValue={value}>
      {ROLES.map((r) => (
        <option key={r} value={r}>
          {t(`admin.users.roles.${r}`)}
        </option>
      ))}
    </select>
  );

  return (
    <>
      <h1>{t('admin.users.title')}</h1>
      <p>{t('admin.users.intro')}</p>
      {message && message.row === null && (
        <p className="notice" role="status" data-testid="admin-message">
          {message.text}
        </p>
      )}
      {create.error && <ErrorNotice error={create.error} shownAtFields={created.shown} />}
      <form className="card" onSubmit={onCreate} ref={createForm}>
        <h2>{t('admin.users.create')}</h2>
        <label>
          {t('admin.users.email')}{' '}
          <input
            id="new-user-email"
            name="email"
            type="email"
            required
            maxLength={254}
            {...invalid('new-user-email')}
          />
        </label>
        <FieldError id="new-user-email" message={created.fields['new-user-email']} />
        <label>
          {t('admin.users.name')}{' '}
          <input
            id="new-user-name"
            name="displayName"
            required
            maxLength={200}
            {...invalid('new-user-name')}
          />
        </label>
        <FieldError id="new-user-name" message={created.fields['new-user-name']} />
        <label htmlFor="new-user-role">{t('admin.users.role')}</label> {roleSelect('nurse', 'new-user-role')}
        <label htmlFor="new-user-team">{t('admin.users.team')}</label>{' '}
        {teamSelect('teamId', null, 'new-user-team')}
        <FieldError id="new-user-team" message={created.fields['new-user-team']} />
        <button type="submit" className="button" disabled={create.isPending}>
          {t('admin.users.submit')}
        </button>
      </form>
      {users.isError && <ErrorNotice error={users.error} onRetry={() => void users.refetch()} />}
      <div className="table-wrap admin-users">
        <table className="table table--compact" data-testid="admin-users">
          <caption className="visually-hidden">{t('admin.users.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.users.name')}</th>
              <th scope="col">{t('admin.users.role')}</th>
              <th scope="col">{t('admin.users.team')}</th>
              <th scope="col">{t('admin.users.status')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('admin.users.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {users.data?.items.map((u) => (
              <UserRow
                key={u.id}
                user={u}
                open={open === u.id}
                onToggle={() => toggle(u.id)}
                outcome={
                  open === u.id
                    ? { message: message?.row === u.id ? message.text : null, error: rowError }
                    : null
                }
                actions={{
                  reset: (resetTotp) => reset.mutate({ id: u.id, resetTotp }),
                  assign: (role, teamId) => assign.mutate({ id: u.id, role, teamId }),
                  disable: () => disable.mutate(u.id),
                  enable: () => enable.mutate(u.id),
                  offboard: () => {
                    if (window.confirm(t('admin.users.confirmOffboard'))) offboard.mutate(u.id);
                  },
                }}
                roleSelect={roleSelect}
                teamSelect={teamSelect}
              />
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

interface RowProps {
  user: AdminUser;
  open: boolean;
  onToggle: () => void;
  /** What the last action on this (open) row did. */
  outcome: { message: string | null; error: unknown } | null;
  actions: {
    reset: (resetTotp: boolean) => void;
    assign: (role: UserRole, teamId: string | null) => void;
    disable: () => void;
    enable: () => void;
    offboard: () => void;
  };
  roleSelect: (value: UserRole, id: string) => ReactNode;
  teamSelect: (name: string, value: string | null, id: string) => ReactNode;
}

function UserRow({ user, open, onToggle, outcome, actions, roleSelect, teamSelect }: RowProps) {
  const { t } = useTranslation();
  const onAssign = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const teamId = String(form.get('teamId') ?? '');
    actions.assign(String(form.get('role')) as UserRole, teamId === '' ? null : teamId);
  };
  return (
    <>
      <tr>
        <td>
          {user.displayName} <span className="muted">{user.email}</span>
        </td>
        <td>{t(`admin.users.roles.${user.role}`)}</td>
        <td>{user.team?.name ?? t('admin.users.noTeam')}</td>
        <td>{user.disabled ? t('admin.users.disabled') : t('admin.users.active')}</td>
        <td>
          <button
            type="button"
            className="button"
            aria-expanded={open}
            aria-label={t('admin.users.actionsFor', { name: user.displayName })}
            onClick={onToggle}
          >
            {t('admin.users.actions')}
          </button>
        </td>
      </tr>
      {open && (
        <tr>
          <td colSpan={5}>
            {outcome?.message && (
              <p className="notice" role="status" data-testid="admin-message">
                {outcome.message}
              </p>
            )}
            {outcome?.error ? <ErrorNotice error={outcome.error} /> : null}
            <div className="actions">
              <button type="button" className="button" onClick={() => actions.reset(false)}>
                {t('admin.users.resetPassword')}
              </button>
              <button type="button" className="button" onClick={() => actions.reset(true)}>
                {t('admin.users.resetTotp')}
              </button>
              {user.disabled ? (
                <button type="button" className="button" onClick={actions.enable}>
                  {t('admin.users.enable')}
                </button>
              ) : (
                <button type="button" className="button" onClick={actions.disable}>
                  {t('admin.users.disable')}
                </button>
              )}
              <button type="button" className="button" onClick={actions.offboard}>
                {t('admin.users.offboard')}
              </button>
            </div>
            <form onSubmit={onAssign}>
              <label htmlFor={`role-${user.id}`}>{t('admin.users.role')}</label>{' '}
              {roleSelect(user.role, `role-${user.id}`)}{' '}
              <label htmlFor={`team-${user.id}`}>{t('admin.users.team')}</label>{' '}
              {teamSelect('teamId', user.team?.id ?? null, `team-${user.id}`)}{' '}
              <button type="submit" className="button">
                {t('admin.users.changeAssignment')}
              </button>
            </form>
            <Relationships userId={user.id} />
          </td>
        </tr>
      )}
    </>
  );
}

/** Family ids only: the application manager sees no family content. */
function Relationships({ userId }: { userId: string }) {
  const { t } = useTranslation();
  const { date } = useLocale();
  const queryClient = useQueryClient();
  const list = useQuery({
    queryKey: ['admin-relationships', userId],
    queryFn: () => api.call('GET /api/admin/users/:id/care-relationships', { params: { id: userId } }),
  });
  const end = useMutation({
    mutationFn: (id: string) =>
      api.call('POST /api/admin/care-relationships/:id/end', { params: { id }, body: {} }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['admin-relationships', userId] }),
  });
  if (!list.data || list.data.items.length === 0) return null;
  return (
    <>
      <h3>{t('admin.users.relationships')}</h3>
      {end.error && <ErrorNotice error={end.error} />}
      <ul className="plain admin-relationships">
        {list.data.items.map((r) => (
          <li key={r.id}>
            {t('admin.users.family', { id: r.familyId.slice(-8) })} ·{' '}
            {t('admin.users.since', { date: date(r.startDate) })}
            {r.endDate && ` · ${t('admin.users.until', { date: date(r.endDate) })}`}
            {r.active && (
              <button type="button" className="button button--quiet" onClick={() => end.mutate(r.id)}>
                {t('admin.users.endRelationship')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
