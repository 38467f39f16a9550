import type { Referral } from '@nestwerk/contract';
import {
  ALWAYS_SHARED_ITEMS,
  type ReferralChannel as Channel,
  SHARE_ITEMS,
  type ShareItem,
} from '@nestwerk/knowledge';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { ErrorNotice } from '../shared/ErrorNotice.tsx';

/**
 * Sending: through Nestwerk to a partner on Nestwerk, else recorded as sent by phone, e-mail or post. It sends
 * the items as ticked in the preview, which the server then stores with the referral.
 */
export function SendPanel({
  referral: r,
  items,
  onSent,
}: {
  referral: Referral;
  items: ShareItem[];
  onSent(r: Referral): void;
}) {
  const { t } = useTranslation();
  const onNestwerk = r.partner.viaNestwerk;
  const channels: Channel[] = onNestwerk ? ['nestwerk'] : ['phone', 'email', 'post'];
  const [channel, setChannel] = useState<Channel>(channels[0] ?? 'nestwerk');
  const send = useMutation({
    mutationFn: () =>
      api.call('POST /api/referrals/:id/send', {
        params: { id: r.id },
        body: { version: r.version, channel, items },
      }),
    onSuccess: onSent,
  });
  return (
    <section className="panel" aria-labelledby="referral-send">
      <h2 id="referral-send">{t('network.referral.send')}</h2>
      {!onNestwerk && <p>{t('network.referral.notOnNestwerkHint', { partner: r.partner.name })}</p>}
      {!onNestwerk && (
        <fieldset className="segmented">
          <legend>{t('network.referral.channelLegend')}</legend>
          {channels.map((c) => (
            <label key={c} className="segmented__option">
              <input type="radio" name="channel" checked={channel === c} onChange={() => setChannel(c)} />
              <span>{t(`network.referral.channels.${c}`)}</span>
            </label>
          ))}
        </fieldset>
      )}
      <p className="hint" data-testid="sends-ticked">
        {t('network.referral.sendsTicked', {
          count: SHARE_ITEMS.filter(
            (i) => items.includes(i) || (ALWAYS_SHARED_ITEMS as readonly ShareItem[]).includes(i),
          ).length,
        })}
      </p>
      <button
        type="button"
        className="button button--primary"
        disabled={send.isPending}
        onClick={() => send.mutate()}
      >
        {onNestwerk ? t('network.referral.send') : t('network.referral.recordSent')}
      </button>
      {send.isError && <ErrorNotice error={send.error} />}
    </section>
  );
}
