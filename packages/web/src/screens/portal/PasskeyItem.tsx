import type { PortalPasskey } from '@nestwerk/contract';
import { type FormEvent, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { type PortalKey, usePortalT } from './i18n.ts';
import { usePortalLocale } from './locale.tsx';
import { portalApi } from './session.tsx';

/** Why a name was not saved, in the parent's words. */
function renameError(err: unknown): PortalKey {
  if (err instanceof ApiError && err.status === 400) return 'passkey.nameInvalid';
  if (err instanceof ApiError && err.status === 404) return 'passkey.gone';
  return 'app.error';
}

/**
 * One of the parent's passkeys: its name (or, for one made before names, its date), when it was made and
 * last used, and the buttons to rename or remove it. Renaming opens a small form in place.
 */
export function PasskeyItem({
  passkey,
  busy,
  onRemove,
  onRenamed,
}: {
  passkey: PortalPasskey;
  busy: boolean;
  onRemove(): void;
  onRenamed(): Promise<unknown>;
}) {
  const t = usePortalT();
  const { date } = usePortalLocale();
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(passkey.name ?? '');
  const [error, setError] = useState<PortalKey | null>(null);
  const [saving, setSaving] = useState(false);
  const inputId = `passkey-name-${passkey.id}`;

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (trimmed === '') {
      setError('passkey.nameRequired');
      return;
    }
    setSaving(true);
    setError(null);
    try {
      await portalApi.call('PATCH /api/portal/passkeys/:id', {
        params: { id: passkey.id },
        body: { name: trimmed },
      });
      await onRenamed();
      setEditing(false);
    } catch (err) {
      setError(renameError(err));
    } finally {
      setSaving(false);
    }
  };

  const title = passkey.name ?? t('passkey.item', { date: date(passkey.createdAt) });
  return (
    <li className="portal-passkey">
      {editing ? (
        <form className="portal-form portal-passkey__rename" onSubmit={save} noValidate>
          <div className="field">
            <label htmlFor={inputId}>{t('passkey.nameLabel')}</label>
            <p className="hint" id={`${inputId}-hint`}>
              {t('passkey.nameHint')}
            </p>
            <input
              id={inputId}
              value={name}
              maxLength={60}
              autoComplete="off"
              // biome-ignore lint/a11y/noAutofocus: the form opens on the parent's own click on "name it"
              autoFocus
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${inputId}-hint ${inputId}-error` : `${inputId}-hint`}
              onChange={(e) => {
                setName(e.target.value);
                setError(null);
              }}
            />
            {error && (
              <p className="field__error" id={`${inputId}-error`} role="alert">
                {t(error)}
              </p>
            )}
          </div>
          <span className="portal-passkey__actions">
            <button type="submit" className="button button--primary" disabled={saving}>
              {t('passkey.nameSave')}
            </button>
            <button
              type="button"
              className="button"
              disabled={saving}
              onClick={() => {
                setEditing(false);
                setError(null);
                setName(passkey.name ?? '');
              }}
            >
              {t('passkey.nameCancel')}
            </button>
          </span>
        </form>
      ) : (
        <>
          <span>
            <strong>{title}</strong>
            <br />
            <span className="muted">
              {passkey.name !== null && `${t('passkey.made', { date: date(passkey.createdAt) })} · `}
              {passkey.lastUsedAt
                ? t('passkey.lastUsed', { date: date(passkey.lastUsedAt) })
                : t('passkey.neverUsed')}
            </span>
          </span>
          <span className="portal-passkey__actions">
            <button
              type="button"
              className="button"
              disabled={busy}
              aria-label={t('passkey.renameLabel', { name: title })}
              onClick={() => setEditing(true)}
            >
              {t('passkey.rename')}
            </button>
            <button
              type="button"
              className="button"
              disabled={busy}
              aria-label={t('passkey.removeLabel', { name: title })}
              onClick={onRemove}
            >
              {t('passkey.remove')}
            </button>
          </span>
        </>
      )}
    </li>
  );
}
