import type { Referral } from '@nestwerk/contract';
import { ALWAYS_SHARED_ITEMS, SHARE_ITEMS, type ShareItem } from '@nestwerk/knowledge';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { ErrorNotice } from '../shared/ErrorNotice.tsx';
import { SharedReferralView } from '../shared/SharedReferralView.tsx';

/** What goes to the receiver, from the server's own preview; in a draft the items can be added or removed. */
export function ReferralPreview({
  referral: r,
  onUpdated,
}: {
  referral: Referral;
  onUpdated(r: Referral): void;
}) {
  const { t } = useTranslation();
  const preview = useQuery({
    queryKey: ['referral-preview', r.id, r.version],
    queryFn: () => api.call('GET /api/referrals/:id/preview', { params: { id: r.id } }),
  });
  const [items, setItems] = useState<ShareItem[]>(r.items);
  useEffect(() => setItems(r.items), [r.items]);
  const save = useMutation({
    mutationFn: () =>
      api.call('PATCH /api/referrals/:id', { params: { id: r.id }, body: { version: r.version, items } }),
    onSuccess: onUpdated,
  });
  const draft = r.status === 'draft';
  const changed = [...items].sort().join() !== [...r.items].sort().join();
  return (
    <section className="panel referral-preview" aria-labelledby="referral-preview">
      <h2 id="referral-preview">
        {draft
          ? t('network.referral.previewTitle', { partner: r.partner.name })
          : t('network.referral.frozenTitle', { partner: r.partner.name })}
      </h2>
      {draft && (
        <fieldset className="share-items">
          <legend>{t('network.referral.previewIntro')}</legend>
          <ul className="plain">
            {SHARE_ITEMS.map((item) => {
              const always = (ALWAYS_SHARED_ITEMS as readonly ShareItem[]).includes(item);
              return (
                <li key={item}>
                  <label className="check">
                    <input
                      type="checkbox"
                      checked={always || items.includes(item)}
                      disabled={always}
                      onChange={(e) =>
                        setItems((current) =>
                          e.target.checked ? [...current, item] : current.filter((i) => i !== item),
                        )
                      }
                    />
                    <span>
                      {t(`network.items.${item}`)}
                      {always && <span className="muted"> ({t('network.referral.always')})</span>}
                    </span>
                  </label>
                </li>
              );
            })}
          </ul>
          <button
            type="button"
            className="button"
            disabled={!changed || save.isPending}
            onClick={() => save.mutate()}
          >
            {t('network.referral.updateItems')}
          </button>
          {save.isError && <ErrorNotice error={save.error} />}
        </fieldset>
      )}
      {preview.isError && <ErrorNotice error={preview.error} />}
      {preview.data && <SharedReferralView shared={preview.data} />}
    </section>
  );
}
