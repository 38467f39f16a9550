import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { api } from '../../api/client.ts';
import { ErrorNotice } from '../shared/ErrorNotice.tsx';
import { ContactEditor } from './ContactEditor.tsx';

/**
 * `/families/:familyId/contacts/new?child=…` starts a contact; `/contacts/:contactId` continues one.
 * This component only loads; {@link ContactEditor} holds the form.
 */
export default function ContactPage() {
  const { t } = useTranslation();
  const { familyId: familyParam, contactId } = useParams();
  const [params] = useSearchParams();
  const existing = useQuery({
    queryKey: ['contact', contactId],
    queryFn: () => api.call('GET /api/contacts/:id', { params: { id: contactId ?? '' } }),
    enabled: contactId !== undefined,
    staleTime: 0,
  });
  const familyId = familyParam ?? existing.data?.contact.familyId;
  const family = useQuery({
    queryKey: ['family', familyId],
    queryFn: () => api.call('GET /api/families/:id', { params: { id: familyId ?? '' } }),
    enabled: familyId !== undefined,
  });

  const error = existing.error ?? family.error;
  if (error) return <ErrorNotice error={error} />;
  if (!family.data || (contactId !== undefined && !existing.data)) {
    return (
      <p role="status" className="loading">
        {t('app.loading')}
      </p>
    );
  }
  const loaded = existing.data;
  return (
    <ContactEditor
      // A different contact or family is a different form: start from fresh state.
      key={contactId ?? `new-${family.data.id}`}
      family={family.data}
      contact={loaded?.contact ?? null}
      preferredChildId={params.get('child')}
    />
  );
}
