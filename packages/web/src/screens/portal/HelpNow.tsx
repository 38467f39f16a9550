import type { HelpNow as Help } from '@nestwerk/contract';
import { useEffect, useRef } from 'react';
import { usePortalT } from './i18n.ts';

/** Where to get help now, shown the moment answers signal risk: crisis line, GP, the organisation's phone. */
export function HelpNow({ help }: { help: Help }) {
  const t = usePortalT();
  const ref = useRef<HTMLElement>(null);
  useEffect(() => ref.current?.focus(), []);
  const tel = (phone: string) => `tel:${phone.replace(/[^\d+]/g, '')}`;
  return (
    <section
      ref={ref}
      className="portal-help"
      aria-labelledby="help-title"
      tabIndex={-1}
      role="alert"
      data-testid="help-now"
    >
      <h2 id="help-title">{t('help.title')}</h2>
      <p>{t('help.intro')}</p>
      <ul>
        <li>
          <strong>{t('help.crisis')}</strong>{' '}
          <a className="button button--primary portal-help__call" href={tel(help.crisisLine)}>
            {help.crisisLine}
          </a>
        </li>
        <li>{t('help.gp')}</li>
        <li>
          {help.organisationPhone ? (
            <>
              {t('help.jgz', { phone: help.organisationPhone })}{' '}
              <a href={tel(help.organisationPhone)}>{help.organisationPhone}</a>
            </>
          ) : (
            t('help.jgzNoPhone')
          )}
        </li>
        <li>{t('help.emergency')}</li>
      </ul>
      <p>{t('help.nurseTold')}</p>
    </section>
  );
}
