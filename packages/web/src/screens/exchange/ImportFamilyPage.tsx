import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError, api } from '../../api/client.ts';
import { ErrorNotice } from '../shared/ErrorNotice.tsx';
import { FieldError } from '../shared/FieldError.tsx';
import { FilePicker } from '../shared/FilePicker.tsx';

interface EntryIssue {
  path: string;
  code: string;
  params?: { entry?: number; resourceType?: string; fhirPath?: string };
}

/**
 * The receiving side of a transfer: a FHIR Bundle file (from another Nestwerk or a system shaped like it)
 * becomes a family in this organisation, with the importer in its care. A wrong entry is listed with where it
 * is, in the user's language; nothing is written until the whole Bundle is right.
 */
export default function ImportFamilyPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [bundle, setBundle] = useState<Record<string, unknown> | null>(null);
  const [fileProblem, setFileProblem] = useState(false);

  const mutation = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      api.call('POST /api/fhir/import', { body: body as { resourceType: 'Bundle' } }),
    onSuccess: (result) => {
      void queryClient.invalidateQueries({ queryKey: ['worklist'] });
      void navigate(`/families/${result.familyId}`, {
        state: { notice: result.created ? 'exchange.imported' : 'exchange.importedBefore' },
      });
    },
  });

  const choose = async (file: File | null) => {
    setFileProblem(false);
    mutation.reset();
    if (!file) return setBundle(null);
    try {
      const parsed: unknown = JSON.parse(await file.text());
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
        throw new Error('not an object');
      setBundle(parsed as Record<string, unknown>);
    } catch {
      setBundle(null);
      setFileProblem(true);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (bundle) mutation.mutate(bundle);
    else setFileProblem(true);
  };

  // Where an issue is: an entry by its number, and its type when the file gave one.
  const entryLabel = (i: EntryIssue): string => {
    const entry = i.params?.entry;
    if (entry === undefined || entry < 0) return t('exchange.bundle');
    const type = i.params?.resourceType;
    return type && type !== 'unknown'
      ? t('exchange.entry', { n: entry + 1, type })
      : t('exchange.entryUntyped', { n: entry + 1 });
  };
  const issues: EntryIssue[] =
    mutation.error instanceof ApiError && mutation.error.status === 400
      ? ((mutation.error.body.issues as EntryIssue[] | undefined) ?? [])
      : [];
  return (
    <>
      <h1>{t('exchange.importTitle')}</h1>
      <p>{t('exchange.importIntro')}</p>
      {issues.length > 0 && (
        <div className="notice notice--error" role="alert">
          <p>{t('exchange.rejected', { count: issues.length })}</p>
          <ul>
            {issues.map((i) => (
              <li key={`${i.path}-${i.params?.fhirPath}-${i.code}`}>
                {i.path === 'resourceType' && i.params?.entry === undefined ? (
                  // Another kind of FHIR file (a Patient alone, say): a FHIR path means nothing to a nurse.
                  t('exchange.notBundle')
                ) : (
                  <>
                    {entryLabel(i)}
                    {' — '}
                    <code>{i.params?.fhirPath ?? i.path}</code>:{' '}
                    {t(`exchange.codes.${i.code}`, t('exchange.codes.invalid'))}
                  </>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
      {mutation.isError && issues.length === 0 && <ErrorNotice error={mutation.error} />}
      <form className="form panel" onSubmit={submit} noValidate>
        <div className={fileProblem ? 'field field--error' : 'field'}>
          <label htmlFor="import-file">{t('exchange.file')}</label>
          <FilePicker
            id="import-file"
            accept=".json,application/fhir+json,application/json"
            describedBy={fileProblem ? 'import-file-error' : 'import-file-hint'}
            invalid={fileProblem}
            onChange={(file) => void choose(file)}
          />
          <p id="import-file-hint" className="hint">
            {t('exchange.fileHint')}
          </p>
          <FieldError id="import-file" message={fileProblem ? t('exchange.notJson') : undefined} />
        </div>
        <div className="actions">
          <button type="submit" className="button button--primary" disabled={mutation.isPending}>
            {t('exchange.importSubmit')}
          </button>
        </div>
      </form>
    </>
  );
}
