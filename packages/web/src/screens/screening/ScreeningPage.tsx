import type { Caregiver, FamilyFile, ParentScreening } from '@nestwerk/contract';
import { parseAssessmentInput, screenParent } from '@nestwerk/engine';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { api } from '../../api/client.ts';
import { useLocale } from '../../app/locale.tsx';
import { today } from '../../lib/dates.ts';
import { ErrorNotice } from '../shared/ErrorNotice.tsx';
import {
  completedScreenings,
  emptyDraft,
  epdsItem10,
  instrumentShortName,
  type ScreeningDraft,
  screeningBodies,
} from './model.ts';
import { screenedParents, useParentName } from './names.ts';
import { EpdsFields, GadFields, PhqFields, WhooleyFields } from './ScreeningFields.tsx';
import { OutcomeBadge, ScreeningOutcomeBlock } from './ScreeningOutcome.tsx';
import { UrgentFlow } from './UrgentFlow.tsx';
import { usePerinatalThresholds } from './usePerinatalThresholds.ts';

/**
 * `/families/:familyId/screenings/new?person=…` — one parent's perinatal screening (DESIGN §2.11), reached from
 * the family file per parent and from the contact moment (`contact` and `return` say where to go back to).
 */
export default function ScreeningPage() {
  const { t } = useTranslation();
  const { familyId = '' } = useParams();
  const family = useQuery({
    queryKey: ['family', familyId],
    queryFn: () => api.call('GET /api/families/:id', { params: { id: familyId } }),
  });
  if (family.isError) return <ErrorNotice error={family.error} />;
  if (!family.data) {
    return (
      <p role="status" className="loading">
        {t('app.loading')}
      </p>
    );
  }
  return <ScreeningEditor family={family.data} />;
}

function ScreeningEditor({ family }: { family: FamilyFile }) {
  const { t } = useTranslation();
  const { lang, region, know } = useLocale();
  const [params] = useSearchParams();
  const queryClient = useQueryClient();
  const thresholds = usePerinatalThresholds();
  const parentName = useParentName();
  const parents = screenedParents(family.caregivers);
  const contactId = params.get('contact') ?? undefined;
  const back = params.get('return');
  const returnPath = back?.startsWith('/') && !back.startsWith('//') ? back : null;

  const [personId, setPersonId] = useState(
    () => parents.find((p) => p.id === params.get('person'))?.id ?? parents[0]?.id ?? '',
  );
  const [date, setDate] = useState(() => params.get('date') ?? today());
  const [draft, setDraft] = useState<ScreeningDraft>(emptyDraft);
  const [saved, setSaved] = useState<ParentScreening[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [nothing, setNothing] = useState(false);
  const update = useCallback((change: (d: ScreeningDraft) => ScreeningDraft) => {
    setNothing(false);
    setDraft(change);
  }, []);

  const person = parents.find((p) => p.id === personId);
  const screenings = useMemo(() => completedScreenings(draft), [draft]);
  // The engine's outcome over what this form holds for this parent: the one the server computes on saving.
  const live = useMemo(() => {
    if (!person?.role || screenings.length === 0) return null;
    const input = parseAssessmentInput({
      region,
      child: { ageMonths: 0 },
      parents: [{ role: person.role, screenings }],
    });
    const parent = input.ok ? input.value.parents[0] : undefined;
    return parent ? screenParent(parent, region, lang, thresholds) : null;
  }, [person, screenings, region, lang, thresholds]);
  const firstStagePositive = live !== null && live.outcome !== 'no_concern';
  const urgent = (epdsItem10(draft) ?? 0) > 0 || saved?.some((s) => s.outcome === 'urgent') === true;

  const save = async () => {
    if (!person) return;
    const bodies = screeningBodies(draft, { personId: person.id, date, contactId });
    if (bodies.length === 0) {
      setNothing(true);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const results: ParentScreening[] = [];
      for (const body of bodies) {
        results.push(
          await api.call('POST /api/families/:id/screenings', { params: { id: family.id }, body }),
        );
      }
      setSaved(results);
      void queryClient.invalidateQueries({ queryKey: ['family', family.id] });
      void queryClient.invalidateQueries({ queryKey: ['worklist'] });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const restart = () => {
    setSaved(null);
    setDraft(emptyDraft());
  };

  const name = person ? parentName(person) : '';
  const backLink = (
    <p className="screening__back">
      {returnPath ? (
        <Link to={returnPath}>{t('screening.backToContact')}</Link>
      ) : contactId ? (
        <Link to={`/contacts/${contactId}`}>{t('screening.backToContact')}</Link>
      ) : null}{' '}
      <Link to={`/families/${family.id}`}>{t('screening.backToFamily')}</Link>
    </p>
  );

  return (
    <>
      <h1>{person ? t('screening.titleFor', { name }) : t('screening.title')}</h1>
      <p className="hint">{family.name}</p>
      <p>{t('screening.intro')}</p>
      {parents.length === 0 ? (
        <p className="notice">{t('screening.noParents')}</p>
      ) : (
        <div className="contact-layout screening-layout">
          <form
            className="contact-form screening-form"
            onSubmit={(e) => {
              e.preventDefault();
              void save();
            }}
            noValidate
          >
            <fieldset className="panel" disabled={saved !== null}>
              <legend>{t('screening.parent')}</legend>
              <div className="pills">
                {parents.map((p: Caregiver) => (
                  <label key={p.id} className="pill">
                    <input
                      type="radio"
                      name="screening-parent"
                      checked={p.id === personId}
                      onChange={() => setPersonId(p.id)}
                    />
                    <span>{parentName(p)}</span>
                  </label>
                ))}
              </div>
              <div className="field">
                <label htmlFor="screening-date">{t('screening.date')}</label>
                <input
                  id="screening-date"
                  type="date"
                  value={date}
                  max={today()}
                  onChange={(e) => setDate(e.target.value)}
                />
              </div>
            </fieldset>

            <fieldset className="panel screening-stage" disabled={saved !== null}>
              <legend>{t('screening.stage1')}</legend>
              <WhooleyFields name={personId} draft={draft} update={update} />
              <GadFields name={personId} draft={draft} update={update} suggested={false} part="gad_2" />
            </fieldset>

            <fieldset className="panel screening-stage" disabled={saved !== null}>
              <legend>{t('screening.stage2')}</legend>
              <p className="hint">{t('screening.stage2Hint')}</p>
              <EpdsFields name={personId} draft={draft} update={update} suggested={firstStagePositive} />
              <GadFields
                name={personId}
                draft={draft}
                update={update}
                suggested={firstStagePositive}
                part="gad_7"
              />
            </fieldset>

            {/* Outside the saved (disabled) form: the steps go on after the screening is saved. */}
            {urgent && <UrgentFlow name={name} saved={saved !== null} />}

            <fieldset className="panel screening-stage" disabled={saved !== null}>
              <legend>{t('screening.stageOptional')}</legend>
              <PhqFields name={personId} draft={draft} update={update} />
            </fieldset>

            <div className="savebar screening-savebar">
              {saved === null ? (
                <button type="submit" className="button button--primary" disabled={busy}>
                  {busy ? t('screening.saving') : t('screening.save')}
                </button>
              ) : (
                <button type="button" className="button" onClick={restart}>
                  {t('screening.another')}
                </button>
              )}
              {nothing && (
                <p className="field__error" role="status">
                  {t('screening.nothingToSave')}
                </p>
              )}
              {saved !== null && (
                <p className="notice notice--success" role="status" data-testid="screening-saved">
                  {t('screening.saved', { count: saved.length })}
                </p>
              )}
              {error !== null && <ErrorNotice error={error} />}
              {backLink}
            </div>
          </form>

          <aside className="advice screening-advice" aria-labelledby="screening-outcome-title">
            <h2 id="screening-outcome-title">{t('screening.outcome.title')}</h2>
            <p className="visually-hidden" aria-live="polite" aria-atomic="true">
              {live
                ? t('screening.outcome.live', { name, outcome: t(`screening.outcomes.${live.outcome}`) })
                : ''}
            </p>
            {live ? (
              <ScreeningOutcomeBlock result={live} testId="screening-outcome" />
            ) : (
              <p className="muted">{t('screening.outcome.none')}</p>
            )}
            {saved !== null && (
              <section className="advice__block" aria-labelledby="screening-saved-title">
                <h3 id="screening-saved-title">{t('screening.savedList')}</h3>
                <ul className="plain">
                  {saved.map((s) => (
                    <li key={s.id}>
                      {instrumentShortName(s.instrument, know)}: <OutcomeBadge outcome={s.outcome} />
                    </li>
                  ))}
                </ul>
              </section>
            )}
          </aside>
        </div>
      )}
    </>
  );
}
