import type { FamilyFile } from '@nestwerk/contract';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { ParentScreeningList } from '../screening/ParentScreeningList.tsx';

/** The parents' perinatal screening from within the contact moment: the latest outcomes and a way to screen. */
export const ContactScreenings = memo(function ContactScreenings({
  family,
  screenLink,
}: {
  family: FamilyFile;
  screenLink(personId: string): string;
}) {
  const { t } = useTranslation();
  return (
    <section className="panel" id="parent-screening" aria-labelledby="parent-screening-title">
      <h2 id="parent-screening-title">{t('screening.contact.title')}</h2>
      <p className="hint">{t('screening.contact.intro')}</p>
      <ParentScreeningList family={family} screenLink={screenLink} />
    </section>
  );
});
