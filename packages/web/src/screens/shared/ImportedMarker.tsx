import type { FamilyFile, ImportMarker } from '@nestwerk/contract';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../app/locale.tsx';
import { dayOf } from '../../lib/dates.ts';

type RecordKind = keyof ImportMarker['records'];

/** "Imported from <organisation>, <date>" on a record that came with a FHIR import; nothing for one made here. */
export function ImportedBadge({
  marker,
  kind,
  id,
}: {
  marker: ImportMarker | null | undefined;
  kind: RecordKind;
  id: string;
}) {
  const { t } = useTranslation();
  const { date } = useLocale();
  if (!marker?.records[kind].includes(id)) return null;
  return (
    <span className="tag tag--imported" data-testid={`imported-${kind}-${id}`}>
      {t('family.imported.record', {
        organisation: marker.organisation,
        date: date(dayOf(marker.importedAt)),
      })}
    </span>
  );
}

/**
 * Under the family's name: where the file came from, and the imported consents, each with its recipient and, when
 * the recipient is not a partner this organisation knows, "external" (the consent then carries no referral here).
 */
export function ImportedFamilyNotice({ family }: { family: FamilyFile }) {
  const { t } = useTranslation();
  const { date } = useLocale();
  const marker = family.imported;
  if (!marker) return null;
  const consents = family.consents.filter((c) => marker.records.consents.includes(c.id));
  return (
    <div className="notice" data-testid="imported-family">
      <p>
        {t('family.imported.family', {
          organisation: marker.organisation,
          date: date(dayOf(marker.importedAt)),
        })}
      </p>
      {consents.length > 0 && (
        <ul className="plain">
          {consents.map((c) => (
            <li key={c.id} data-testid={`imported-consent-${c.id}`}>
              {t('family.imported.consent', { recipient: c.recipient })}
              {c.recipientPartnerId === null && <span className="tag">{t('family.imported.external')}</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
