import type { FamilyFile, SafetyConcern, SafetyRoute } from '@nestwerk/contract';
import { knowledge } from '@nestwerk/knowledge';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { useLocale } from '../../app/locale.tsx';
import { dayOf } from '../../lib/dates.ts';
import { ErrorNotice } from '../shared/ErrorNotice.tsx';

const CONCERNS: readonly SafetyConcern[] = ['maltreatment', 'neglect', 'domestic_violence'];

/**
 * The safety route for suspected maltreatment, neglect or domestic violence: the region's guided steps
 * (NL Meldcode with the weighing framework and Veilig Thuis; BE Vertrouwenscentrum and professional secrecy),
 * each logged. It leads the family file while a route is open or signals were recorded; otherwise it is
 * `compact`: one line and a start button under the summary, one click away but not the headline.
 */
export function SafetyRoutePanel({ family, compact = false }: { family: FamilyFile; compact?: boolean }) {
  const { t } = useTranslation();
  const { region, know } = useLocale();
  const queryClient = useQueryClient();
  const route = family.safetyRoute ?? null;
  const [concerns, setConcerns] = useState<SafetyConcern[]>([]);
  const [starting, setStarting] = useState(false);
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ['family', family.id] });
    void queryClient.invalidateQueries({ queryKey: ['worklist'] });
  };
  const open = useMutation({
    mutationFn: () =>
      api.call('POST /api/families/:id/safety-route', { params: { id: family.id }, body: { concerns } }),
    onSuccess: () => {
      setStarting(false);
      refresh();
    },
  });
  const isOpen = route?.status === 'open';
  return (
    <section
      className={`panel safety-route${isOpen ? ' safety-route--open' : ''}${compact ? ' safety-route--compact' : ''}`}
      aria-labelledby="family-safety"
      data-testid="safety-route"
    >
      <h2 id="family-safety">
        {t('network.safety.title')}
        {route && `: ${know(route.label)}`}
      </h2>
      <p className={compact ? 'hint' : undefined}>
        {(route?.region ?? region) === 'be' ? t('network.safety.introBe') : t('network.safety.introNl')}
      </p>
      {!compact && !isOpen && family.assessments.at(-1)?.safetyConcern && (
        <p className="flag flag--signals">{t('network.safety.signalsRecorded')}</p>
      )}
      {route && (
        <p className={isOpen ? 'flag flag--safety' : 'muted'} role="status">
          {isOpen ? t('network.safety.open', { step: route.currentStep }) : t('network.safety.closed')}
        </p>
      )}
      {route &&
        (compact ? (
          <details>
            <summary>{t('network.safety.showSteps')}</summary>
            <Steps route={route} onSaved={refresh} />
          </details>
        ) : (
          <Steps route={route} onSaved={refresh} />
        ))}
      {!isOpen &&
        (starting ? (
          <form
            className="form"
            onSubmit={(e) => {
              e.preventDefault();
              if (concerns.length > 0) open.mutate();
            }}
          >
            <fieldset>
              <legend>{t('network.safety.concernsLegend')}</legend>
              {CONCERNS.map((c) => (
                <label key={c} className="check">
                  <input
                    type="checkbox"
                    checked={concerns.includes(c)}
                    onChange={(e) =>
                      setConcerns((cs) => (e.target.checked ? [...cs, c] : cs.filter((x) => x !== c)))
                    }
                  />
                  <span>{t(`network.safety.concerns.${c}`)}</span>
                </label>
              ))}
            </fieldset>
            <button
              type="submit"
              className="button button--danger"
              disabled={open.isPending || concerns.length === 0}
            >
              {t('network.safety.start')}
            </button>
            {open.isError && <ErrorNotice error={open.error} />}
          </form>
        ) : (
          <button
            type="button"
            className={compact ? 'button' : 'button button--danger'}
            onClick={() => setStarting(true)}
          >
            {t('network.safety.start')}
          </button>
        ))}
    </section>
  );
}

function Steps({ route, onSaved }: { route: SafetyRoute; onSaved(): void }) {
  const { t } = useTranslation();
  const { know, date } = useLocale();
  return (
    <ol className="plain safety-steps">
      {route.steps.map((s) => (
        <li key={s.step} className={`guide__step${s.done ? ' is-done' : ''}`}>
          <h3>{t('network.safety.step', { n: s.step })}</h3>
          <p>{know(s.text)}</p>
          {s.done && s.recordedAt && (
            <p className="muted">
              {t('network.safety.done', { date: date(dayOf(s.recordedAt)) })}
              {s.notes ? ` — ${s.notes}` : ''}
            </p>
          )}
          {route.status === 'open' && s.step === route.currentStep && !s.done && (
            <StepForm route={route} step={s.step} onSaved={onSaved} />
          )}
        </li>
      ))}
    </ol>
  );
}

type Answers = Record<string, unknown>;

function StepForm({ route, step, onSaved }: { route: SafetyRoute; step: number; onSaved(): void }) {
  const { t } = useTranslation();
  const { know } = useLocale();
  const [notes, setNotes] = useState('');
  const [answers, setAnswers] = useState<Answers>({});
  const save = useMutation({
    mutationFn: () => {
      const needsAnswers = step === 2 || step === 4 || step === 5;
      return api.call('POST /api/safety-routes/:id/steps', {
        params: { id: route.id },
        body: {
          step,
          notes: notes.trim(),
          ...(needsAnswers ? { answers: withDefaults(route.region, step, answers) } : {}),
        },
      });
    },
    onSuccess: () => {
      setNotes('');
      setAnswers({});
      onSaved();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const bool = (key: string) => (
    <label className="check" key={key}>
      <input
        type="checkbox"
        checked={answers[key] === true}
        onChange={(e) => setAnswers((a) => ({ ...a, [key]: e.target.checked }))}
      />
      <span>{t(`network.safety.answers.${key as 'unsafety'}`)}</span>
    </label>
  );
  const consulted =
    route.region === 'be'
      ? ['team', 'vertrouwenscentrum']
      : ['colleague', 'safeguarding_officer', 'veilig_thuis'];
  const list = (answers.consulted as string[] | undefined) ?? [];
  return (
    <form className="form" onSubmit={submit}>
      {step === 2 && (
        <fieldset>
          <legend>{t('network.safety.consulted')}</legend>
          {consulted.map((c) => (
            <label key={c} className="check">
              <input
                type="checkbox"
                checked={list.includes(c)}
                onChange={(e) =>
                  setAnswers((a) => ({
                    ...a,
                    consulted: e.target.checked ? [...list, c] : list.filter((x) => x !== c),
                  }))
                }
              />
              <span>{t(`network.safety.consultedOptions.${c as 'team'}`)}</span>
            </label>
          ))}
        </fieldset>
      )}
      {step === 4 && route.region === 'nl' && (
        <fieldset>
          <legend>{t('network.safety.step', { n: 4 })}</legend>
          {bool('unsafety')}
          {bool('canOfferOrOrganiseHelp')}
        </fieldset>
      )}
      {step === 4 && route.region === 'be' && (
        <fieldset>
          <legend>{t('network.safety.step', { n: 4 })}</legend>
          {knowledge.sharingQuestions.map(({ code, question }) => (
            <div className="field" key={code}>
              <label htmlFor={`safety-${code}`}>{know(question)}</label>
              <textarea
                id={`safety-${code}`}
                rows={2}
                value={(answers[code] as string | undefined) ?? ''}
                onChange={(e) => setAnswers((a) => ({ ...a, [code]: e.target.value }))}
              />
            </div>
          ))}
          {bool('breakSecrecy')}
        </fieldset>
      )}
      {step === 5 && (
        <fieldset>
          <legend>{t('network.safety.step', { n: 5 })}</legend>
          {route.region === 'nl' ? bool('reportToVeiligThuis') : bool('registerWithVertrouwenscentrum')}
          {bool('organiseHelp')}
        </fieldset>
      )}
      <div className="field">
        <label htmlFor={`safety-notes-${step}`}>{t('network.safety.notes', { n: step })}</label>
        <textarea
          id={`safety-notes-${step}`}
          rows={3}
          value={notes}
          onChange={(e) => setNotes(e.target.value)}
        />
      </div>
      <button type="submit" className="button button--primary" disabled={save.isPending || !notes.trim()}>
        {t('network.safety.record', { n: step })}
      </button>
      {save.isError && <ErrorNotice error={save.error} />}
    </form>
  );
}

/** Booleans left unticked are an explicit "no"; the server wants every answer of a step. */
function withDefaults(region: 'nl' | 'be', step: number, answers: Answers): Answers {
  const keys: Record<string, string[]> = {
    'nl-4': ['unsafety', 'canOfferOrOrganiseHelp'],
    'nl-5': ['reportToVeiligThuis', 'organiseHelp'],
    'be-4': ['breakSecrecy'],
    'be-5': ['registerWithVertrouwenscentrum', 'organiseHelp'],
  };
  const out: Answers = { ...answers };
  for (const key of keys[`${region}-${step}`] ?? []) out[key] = out[key] === true;
  if (step === 2 && !out.consulted) out.consulted = [];
  return out;
}
