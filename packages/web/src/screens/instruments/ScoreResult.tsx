import type { FamilyFile } from '@nestwerk/contract';
import { type QuestionnaireDefinition, scoreQuestionnaire } from '@nestwerk/engine';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { useLocale } from '../../app/locale.tsx';
import { ErrorNotice } from '../shared/ErrorNotice.tsx';

/** The score per scale with its cut-off band, always called an indication; critical answers listed apart. */
export function ScoreResult({
  definition,
  answers,
  family,
}: {
  definition: QuestionnaireDefinition;
  answers: Record<string, number | null>;
  family: FamilyFile | null;
}) {
  const { t } = useTranslation();
  const { know, number } = useLocale();
  const [childId, setChildId] = useState(family?.children[0]?.id ?? '');
  const save = useMutation({
    mutationFn: () =>
      api.call('POST /api/families/:id/instrument-responses', {
        params: { id: family?.id ?? '' },
        body: { childId, instrumentId: definition.id, answers },
      }),
  });
  const result = scoreQuestionnaire(definition, answers);
  // Only an answer outside the definition's options gets here; the engine's English stays out of the screen.
  if (!result.ok) return <p className="notice notice--error">{t('app.fieldErrors.invalid_choice')}</p>;
  const score = result.value;
  return (
    <section className="panel score" aria-labelledby="score-title" data-testid="score-result">
      <h2 id="score-title">{t('instruments.result')}</h2>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('instruments.scale')}</th>
            <th scope="col">{t('instruments.score')}</th>
            <th scope="col">{t('instruments.cutoff')}</th>
          </tr>
        </thead>
        <tbody>
          {score.scales.map((s) => {
            const scale = definition.scales.find((x) => x.id === s.id);
            const cutoff = scale?.cutoffs.find((c) => c.band === s.band);
            return (
              <tr key={s.id}>
                <th scope="row">{know(s.label)}</th>
                <td>
                  {s.score === null ? t('instruments.notScored') : number(s.score)}
                  {s.prorated && (
                    <span className="hint"> ({t('instruments.prorated', { count: s.missing })})</span>
                  )}
                </td>
                <td>
                  {s.interpretation ? know(s.interpretation) : t('instruments.noCutoff')}
                  {cutoff && (
                    <span className="muted">
                      {' '}
                      · {t('instruments.cutoffFrom', { from: number(cutoff.from) })}
                    </span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {score.criticalItems.length > 0 && (
        <p className="notice notice--warning" role="alert">
          {t('instruments.critical', {
            items: score.criticalItems
              .map((id) => {
                const index = definition.items.findIndex((i) => i.id === id);
                const item = definition.items[index];
                return item?.text ? `${index + 1}. ${know(item.text)}` : id;
              })
              .join('; '),
          })}
        </p>
      )}
      {family && family.children.length > 0 && (
        <div className="save-score">
          <div className="field">
            <label htmlFor="score-child">{t('instruments.chooseChild')}</label>
            <select id="score-child" value={childId} onChange={(e) => setChildId(e.target.value)}>
              {family.children.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.givenName}
                </option>
              ))}
            </select>
          </div>
          <button
            type="button"
            className="button"
            onClick={() => save.mutate()}
            disabled={save.isPending || save.isSuccess}
          >
            {t('instruments.saveToFamily')}
          </button>
          {save.isSuccess && (
            <p role="status" className="notice notice--success">
              {t('instruments.savedToFamily')}
            </p>
          )}
          {save.isError && <ErrorNotice error={save.error} />}
        </div>
      )}
    </section>
  );
}
