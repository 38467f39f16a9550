import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { issueMessage } from '../../lib/field-errors.ts';
import { ErrorNotice } from '../shared/ErrorNotice.tsx';
import { FilePicker } from '../shared/FilePicker.tsx';

/** CSV import: check first (dry run), then import; rejected rows come back with line, field and reason. */
export function PartnerImport({ onImported }: { onImported(): void }) {
  const { t } = useTranslation();
  const [csv, setCsv] = useState('');
  const run = useMutation({
    mutationFn: (dryRun: boolean) => api.call('POST /api/partners/import', { body: { csv, dryRun } }),
    onSuccess: (result) => {
      if (!result.dryRun) onImported();
    },
  });
  const result = run.data;
  return (
    <div className="form">
      <h3>{t('network.partners.importTitle')}</h3>
      <p className="hint" id="partners-import-hint">
        {t('network.partners.importHint')}
      </p>
      <div className="field">
        <label htmlFor="partners-import-file">{t('network.partners.importFile')}</label>
        <FilePicker
          id="partners-import-file"
          accept=".csv,text/csv"
          describedBy="partners-import-hint"
          onChange={(file) => {
            run.reset();
            if (file) void file.text().then(setCsv);
            else setCsv('');
          }}
        />
      </div>
      <div className="actions">
        <button
          type="button"
          className="button"
          disabled={!csv || run.isPending}
          onClick={() => run.mutate(true)}
        >
          {t('network.partners.importCheck')}
        </button>
        <button
          type="button"
          className="button button--primary"
          disabled={!csv || run.isPending}
          onClick={() => run.mutate(false)}
        >
          {t('network.partners.importRun')}
        </button>
      </div>
      {run.isError && <ErrorNotice error={run.error} />}
      {result && (
        <div role="status">
          <p className={`notice ${result.rejected.length > 0 ? 'notice--warning' : 'notice--success'}`}>
            {result.dryRun && `${t('network.partners.importDryRun')} `}
            {t('network.partners.importResult', {
              imported: result.imported,
              created: result.created,
              updated: result.updated,
              rejected: result.rejected.length,
            })}
          </p>
          {result.rejected.length > 0 && (
            <div className="rejected-rows">
              <table className="table table--compact">
                <caption>{t('network.partners.rejected')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('network.partners.line')}</th>
                    <th scope="col">{t('network.partners.field')}</th>
                    <th scope="col">{t('network.partners.reason')}</th>
                  </tr>
                </thead>
                <tbody>
                  {result.rejected.map((r) => (
                    <tr key={`${r.line}-${r.field}`}>
                      <td>{r.line}</td>
                      <td>{r.field}</td>
                      <td>
                        {issueMessage(
                          { path: r.field, code: r.code, ...(r.params ? { params: r.params } : {}) },
                          t,
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </div>
      )}
    </div>
  );
}
