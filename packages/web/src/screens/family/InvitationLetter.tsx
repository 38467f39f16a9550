import '../../styles/invitation-letter.css';
import type { InvitationOut, PortalAccess } from '@nestwerk/contract';
import { useEffect, useRef } from 'react';
import { createPortal } from 'react-dom';
import { useLocale } from '../../app/locale.tsx';
import { useUser } from '../../app/session.tsx';
import { fixedPortalT, portalLanguage } from '../portal/i18n.ts';
import QrCode from '../shared/QrCode.tsx';

/**
 * The invitation letter for one caregiver: the code (shown once, only its hash is stored), a QR code of the
 * activation address with the code after '#' (never sent to a server log), and until when it works. Printed
 * on its own: everything else on the page is hidden while printing.
 */
export default function InvitationLetter({
  invitation,
  person,
  familyName,
  onClose,
}: {
  invitation: InvitationOut;
  person: PortalAccess;
  familyName: string;
  onClose(): void;
}) {
  const { lang, region, tag } = useLocale();
  const user = useUser();
  const t = fixedPortalT(portalLanguage(lang, region));
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  const address = `${window.location.origin}/portaal/activeren`;
  const validUntil = new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'long', year: 'numeric' }).format(
    new Date(invitation.expiresAt),
  );
  const phone = user.organisation.phone;
  return createPortal(
    <div
      className="invitation-letter"
      role="dialog"
      aria-modal="true"
      aria-labelledby="letter-title"
      tabIndex={-1}
      ref={ref}
      data-testid="invitation-letter"
    >
      <div className="invitation-letter__tools">
        <button type="button" className="button button--primary" onClick={() => window.print()}>
          {t('letter.print')}
        </button>
        <button type="button" className="button" onClick={onClose}>
          {t('letter.close')}
        </button>
      </div>
      <article className="invitation-letter__page" lang={tag}>
        <p className="invitation-letter__from">{user.organisation.name}</p>
        <h1 id="letter-title">{t('letter.title')}</h1>
        <p>{t('letter.greeting', { name: `${person.givenName} ${person.familyName || familyName}` })}</p>
        <p>{t('letter.body')}</p>
        <h2>{t('letter.how')}</h2>
        <ol>
          <li>{t('letter.step1', { url: address })}</li>
          <li>{t('letter.step2')}</li>
          <li>{t('letter.step3')}</li>
        </ol>
        <div className="invitation-letter__code">
          <div>
            <p className="invitation-letter__label">{t('letter.code')}</p>
            <p className="invitation-letter__value" data-testid="invitation-code">
              {invitation.code}
            </p>
            <p>{t('letter.validUntil', { date: validUntil })}</p>
          </div>
          <QrCode value={`${address}#${invitation.code}`} label={t('letter.qrLabel')} size={160} />
        </div>
        <p>
          <strong>{t('letter.keep')}</strong>
        </p>
        <p>{phone ? t('letter.questions', { phone }) : t('letter.questionsNoPhone')}</p>
        <p>
          {t('letter.regards')}
          <br />
          {user.displayName}
          <br />
          {user.organisation.name}
        </p>
      </article>
    </div>,
    document.body,
  );
}
