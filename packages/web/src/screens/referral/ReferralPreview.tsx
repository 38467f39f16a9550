import type { Referral } from '@nestwerk/contract';
import { ALWAYS_SHARED_ITEMS, SHARE_ITEMS, type ShareItem } from '@nestwerk/knowledge';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { ErrorNotice } from '../shared/ErrorNotice.tsx';
import { SharedReferralView } from '../shared/SharedReferralView.tsx';

const sorted = (items: readonly ShareItem[]) => SHARE_ITEMS.filter((i) => items.includes(i));

/** Whether the ticked items differ from those stored with the referral. */
export function itemsChanged(items: readonly ShareItem[], r: Referral): boolean {
  return sorted(items).join() !== sorted(r.items).join();
}

/**
 * What goes to the receiver, from the server's own preview of the items as ticked here: in a draft they can be
 * added or removed, and sending takes exactly these (saving first is not needed). Items the parent's consent
 * does not cover cannot be ticked.
 */
export function ReferralPreview({
  referral: r,
  items,
  onItems,
  onUpdated,
}: {
  referral: Referral;
  items: ShareItem[];
  onItems(items: ShareItem[]): void;
  onUpdated(r: Referral): void;
}) {
  const { t } = useTranslation();
  const draft = r.status === 'draft';
  const changed = draft && itemsChanged(items, r);
  const preview = useQuery({
    queryKey: ['referral-preview', r.id, r.version, changed ? sorted(items).join() : 'stored'],
    queryFn: () =>
      api.call('GET /api/referrals/:id/preview', {
        params: { id: r.id },
        query: changed ? { items: sorted(items).join(',') } : {},
      }),
    placeholderData: keepPreviousData,
  });
  const save = useMutation({
    mutationFn: () =>
      api.call('PATCH /api/referrals/:id', { params: { id: r.id }, body: { version: r.version, items } }),
    onSuccess: onUpdated,
  });
  const scope = r.basis === 'consent' ? r.consent?.scope : null;
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
              const outside = !always && scope != null && !scope.includes(item);
              return (
                <li key={item}>
                  <label className="check">
                    <input
                      type="checkbox"
                      checked={always || items.includes(item)}
                      disabled={always || (outside && !items.includes(item))}
                      onChange={(e) =>
                        onItems(e.target.checked ? [...items, item] : items.filter((i) => i !== item))
                      }
                    />
                    <span>
                      {t(`network.items.${item}`)}
                      {always && <span className="muted"> ({t('network.referral.always')})</span>}
                      {outside && <span className="muted"> ({t('network.referral.outsideConsent')})</span>}
                    </span>
                  </label>
                </li>
              );
            })}
          </ul>
          {changed && (
            <p className="hint" role="status" data-testid="items-unsaved">
              {t('network.referral.itemsGoWithSend')}
            </p>
          )}
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
