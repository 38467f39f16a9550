import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { api } from '../../api/client.ts';
import { BackToStart } from '../shared/BackToStart.tsx';
import { ErrorNotice } from '../shared/ErrorNotice.tsx';
import { ContactEditor } from './ContactEditor.tsx';
import { carryOver, carryOverSources } from './carry-over.ts';

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

  // A new contact starts from the stable factors of the earlier ones (to confirm or change).
  const childParam = params.get('child');
  const sources = useMemo(() => {
    if (contactId !== undefined || !family.data) return { family: null, child: null };
    const child = family.data.children.find((c) => c.id === childParam) ?? family.data.children[0];
    return carryOverSources(family.data.contacts, child?.id);
  }, [contactId, family.data, childParam]);
  const readContact = (id: string | null) => () =>
    api.call('GET /api/contacts/:id', { params: { id: id ?? '' } });
  const familySource = useQuery({
    queryKey: ['contact', sources.family],
    queryFn: readContact(sources.family),
    enabled: sources.family !== null,
  });
  const childSource = useQuery({
    queryKey: ['contact', sources.child],
    queryFn: readContact(sources.child),
    enabled: sources.child !== null && sources.child !== sources.family,
  });
  const carried = useMemo(() => {
    if (!family.data || sources.family === null) return null;
    const fromFamily = familySource.data?.contact ?? null;
    const fromChild = sources.child === sources.family ? fromFamily : (childSource.data?.contact ?? null);
    return carryOver(
      fromFamily,
      fromChild,
      family.data.caregivers.map((c) => c.id),
    );
  }, [family.data, sources, familySource.data, childSource.data]);

  const error = existing.error ?? family.error;
  if (error)
    return (
      <>
        <ErrorNotice
          error={error}
          notFound={t(existing.error ? 'app.contactNotFound' : 'app.familyNotFound')}
        />
        <BackToStart />
      </>
    );
  // Without the earlier contact (not allowed to read it, or it failed) the new one simply starts empty.
  const waitingForCarry = familySource.isLoading || childSource.isLoading;
  if (!family.data || (contactId !== undefined && !existing.data) || waitingForCarry) {
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
      preferredChildId={childParam}
      carryOver={carried}
    />
  );
}
