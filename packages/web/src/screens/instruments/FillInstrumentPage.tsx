import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { api } from '../../api/client.ts';
import { useLocale } from '../../app/locale.tsx';
import { useUser } from '../../app/session.tsx';
import { loadedDefinitions } from './definitions.ts';
import { QuestionItem } from './QuestionItem.tsx';
import { ScoreResult } from './ScoreResult.tsx';

/** Filling in a questionnaire together with a parent, on a tablet: one large choice per question. */
export default function FillInstrumentPage() {
  const { t } = useTranslation();
  const { know } = useLocale();
  const user = useUser();
  const { definitionId = '' } = useParams();
  const [params] = useSearchParams();
  const familyId = params.get('family');
  const definition = useMemo(
    () => loadedDefinitions(user.organisation.id).find((d) => d.id === definitionId),
    [user.organisation.id, definitionId],
  );
  const family = useQuery({
    queryKey: ['family', familyId],
    queryFn: () => api.call('GET /api/families/:id', { params: { id: familyId ?? '' } }),
    enabled: familyId !== null,
  });
  const [answers, setAnswers] = useState<Record<string, number | null>>({});
  const [shown, setShown] = useState(false);

  if (!definition) {
    return (
      <>
        <h1>{t('instruments.title')}</h1>
        <p className="notice notice--warning">{t('instruments.notLoaded')}</p>
      </>
    );
  }
  const name = definition.id === 'oefenlijst' ? t('instruments.example') : definition.name;
  const answered = definition.items.filter(
    (i) => answers[i.id] !== undefined && answers[i.id] !== null,
  ).length;

  return (
    <>
      <h1>{t('instruments.fillTitle', { name })}</h1>
      <p>{t('instruments.fillIntro')}</p>
      <p className="hint">{know(definition.licence)}</p>
      <form
        className="questionnaire"
        onSubmit={(e) => {
          e.preventDefault();
          setShown(true);
        }}
      >
        <ol className="plain questions">
          {definition.items.map((item, index) => (
            <QuestionItem
              key={item.id}
              index={index}
              item={item}
              options={definition.answerOptions}
              value={answers[item.id] ?? null}
              onChange={(value) => {
                setShown(false);
                setAnswers((a) => ({ ...a, [item.id]: value }));
              }}
            />
          ))}
        </ol>
        <div className="savebar">
          <p role="status" className="savebar__status">
            {t('instruments.answered', { answered, total: definition.items.length })}
          </p>
          <button type="submit" className="button button--primary">
            {t('instruments.showScore')}
          </button>
        </div>
      </form>
      {shown && <ScoreResult definition={definition} answers={answers} family={family.data ?? null} />}
    </>
  );
}
