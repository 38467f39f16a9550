import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FilePicker } from '../shared/FilePicker.tsx';
import { storeDefinition } from './definitions.ts';

/** Loads a licensed questionnaire definition (JSON) after validating it with the engine's schema. */
export function LoadDefinition({ organisationId, onLoaded }: { organisationId: string; onLoaded(): void }) {
  const { t } = useTranslation();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const load = async (file: File) => {
    let raw: unknown;
    try {
      raw = JSON.parse(await file.text());
    } catch {
      setMessage({ ok: false, text: t('instruments.loadError', { message: 'JSON' }) });
      return;
    }
    const result = storeDefinition(organisationId, raw);
    if (result.ok) {
      setMessage({ ok: true, text: t('instruments.loadOk', { name: result.value.name }) });
      onLoaded();
    } else {
      setMessage({ ok: false, text: t('instruments.loadError', { message: result.message }) });
    }
  };
  return (
    <div className="load-definition">
      <h3>{t('instruments.loadTitle')}</h3>
      <p className="hint" id="load-definition-help">
        {t('instruments.loadHelp')}
      </p>
      <div className="field">
        <label htmlFor="load-definition">{t('instruments.loadFile')}</label>
        <FilePicker
          id="load-definition"
          accept="application/json,.json"
          describedBy="load-definition-help"
          onChange={(file) => {
            if (file) void load(file);
          }}
        />
      </div>
      {message && (
        <p className={message.ok ? 'notice notice--success' : 'notice notice--error'} role="status">
          {message.text}
        </p>
      )}
    </div>
  );
}
