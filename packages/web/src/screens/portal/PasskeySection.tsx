import type { PortalPasskey } from '@nestwerk/contract';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { type PortalKey, usePortalT } from './i18n.ts';
import { PasskeyItem } from './PasskeyItem.tsx';
import { createPasskey, passkeyError, passkeySupported, suggestedPasskeyName } from './passkey.ts';
import { portalApi } from './session.tsx';

const PASSKEYS_KEY = ['portal', 'passkeys'] as const;

function removeError(err: unknown): PortalKey {
  if (!(err instanceof ApiError)) return 'app.error';
  if (err.body.reason === 'login_not_fresh') return 'passkey.removeFresh';
  if (err.body.reason === 'last_passkey') return 'passkey.removeLast';
  return 'app.error';
}

/** On the portal home: the parent's passkeys, adding one, naming one, and removing one (just after logging in). */
export function PasskeySection() {
  const t = usePortalT();
  const queryClient = useQueryClient();
  const [supported] = useState(passkeySupported);
  const [message, setMessage] = useState<{ key: PortalKey; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const list = useQuery({
    queryKey: PASSKEYS_KEY,
    queryFn: () => portalApi.call('GET /api/portal/passkeys'),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: PASSKEYS_KEY });

  const add = async () => {
    setBusy(true);
    setMessage(null);
    try {
      const challenge = await portalApi.call('POST /api/portal/passkeys/options');
      const credential = await createPasskey(challenge);
      await portalApi.call('POST /api/portal/passkeys', {
        body: {
          attemptId: challenge.attemptId,
          credential,
          name: suggestedPasskeyName(credential.authenticatorAttachment),
        },
      });
      setMessage({ key: 'passkey.added', error: false });
      await refresh();
    } catch (err) {
      setMessage({ key: passkeyError(err, 'make'), error: true });
    } finally {
      setBusy(false);
    }
  };
  const remove = async (passkey: PortalPasskey) => {
    setBusy(true);
    setMessage(null);
    try {
      await portalApi.call('DELETE /api/portal/passkeys/:id', { params: { id: passkey.id } });
      setMessage({ key: 'passkey.removed', error: false });
      await refresh();
    } catch (err) {
      setMessage({ key: removeError(err), error: true });
    } finally {
      setBusy(false);
    }
  };

  const items = list.data?.items ?? [];
  return (
    <section className="portal-card" aria-labelledby="home-passkeys">
      <h2 id="home-passkeys">{t('passkey.sectionTitle')}</h2>
      <p>{t('passkey.sectionIntro')}</p>
      {message && (
        <p
          className={message.error ? 'notice notice--error' : 'notice'}
          role={message.error ? 'alert' : 'status'}
        >
          {t(message.key)}
        </p>
      )}
      {list.data && items.length === 0 && <p>{t('passkey.none')}</p>}
      {items.length > 0 && (
        <ul className="plain portal-list">
          {items.map((p) => (
            <PasskeyItem key={p.id} passkey={p} busy={busy} onRemove={() => remove(p)} onRenamed={refresh} />
          ))}
        </ul>
      )}
      {supported && (
        <button type="button" className="button button--primary" disabled={busy} onClick={add}>
          {t('passkey.add')}
        </button>
      )}
    </section>
  );
}
