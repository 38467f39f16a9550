import type { PortalMe, SelfReportIn, SelfReportResult } from '@nestwerk/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { HelpNow } from './HelpNow.tsx';
import { type PortalKey, usePortalT } from './i18n.ts';
import { usePortalLocale } from './locale.tsx';
import { portalApi } from './session.tsx';

const OWN_KEY = ['portal', 'self-reports'] as const;
const FREQUENCIES = ['0', '1', '2', '3'] as const;

type YesNo = boolean | null;
type Freq = number | null;

/**
 * Before a visit: how the parent and the child are doing and what to talk about, and the Whooley and GAD-2
 * questions for this parent only. Answers that signal risk show at once where to get help now.
 */
export default function SelfReportPage({ me }: { me: PortalMe }) {
  const t = usePortalT();
  const { date } = usePortalLocale();
  const queryClient = useQueryClient();
  const born = me.children;
  const [childId, setChildId] = useState(born[0]?.id ?? '');
  const [howAreYou, setHowAreYou] = useState('');
  const [howIsChild, setHowIsChild] = useState('');
  const [wantToDiscuss, setWantToDiscuss] = useState('');
  const [depressed, setDepressed] = useState<YesNo>(null);
  const [lostInterest, setLostInterest] = useState<YesNo>(null);
  const [nervous, setNervous] = useState<Freq>(null);
  const [worrying, setWorrying] = useState<Freq>(null);
  const [missing, setMissing] = useState<string[]>([]);
  const [result, setResult] = useState<SelfReportResult | null>(null);
  const own = useQuery({ queryKey: OWN_KEY, queryFn: () => portalApi.call('GET /api/portal/self-reports') });
  const send = useMutation({
    mutationFn: (body: SelfReportIn) => portalApi.call('POST /api/portal/self-reports', { body }),
    onSuccess: (res) => {
      setResult(res);
      void queryClient.invalidateQueries({ queryKey: OWN_KEY });
      window.scrollTo({ top: 0 });
    },
  });
  const child = born.find((c) => c.id === childId);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // A questionnaire counts only whole: one of two answers would give a wrong picture.
    const gaps: string[] = [];
    const whooleyStarted = depressed !== null || lostInterest !== null;
    const gadStarted = nervous !== null || worrying !== null;
    if (whooleyStarted && depressed === null) gaps.push('sr-whooley1');
    if (whooleyStarted && lostInterest === null) gaps.push('sr-whooley2');
    if (gadStarted && nervous === null) gaps.push('sr-gad1');
    if (gadStarted && worrying === null) gaps.push('sr-gad2');
    const nothing =
      !howAreYou.trim() && !howIsChild.trim() && !wantToDiscuss.trim() && !whooleyStarted && !gadStarted;
    if (nothing) gaps.push('sr-you');
    setMissing(gaps);
    if (gaps.length > 0) {
      document.getElementById(gaps[0] ?? '')?.focus();
      return;
    }
    send.mutate({
      ...(childId ? { childId } : {}),
      ...(howAreYou.trim() ? { howAreYou: howAreYou.trim() } : {}),
      ...(howIsChild.trim() ? { howIsChild: howIsChild.trim() } : {}),
      ...(wantToDiscuss.trim() ? { wantToDiscuss: wantToDiscuss.trim() } : {}),
      ...(depressed !== null && lostInterest !== null ? { whooley: { depressed, lostInterest } } : {}),
      ...(nervous !== null && worrying !== null ? { gad2: { nervous, worrying } } : {}),
    });
  };

  if (result)
    return (
      <div>
        <h1>{t('selfReport.title')}</h1>
        {result.help && <HelpNow help={result.help} />}
        <p className="notice notice--success" role="status" data-testid="self-report-sent">
          {t('selfReport.sent')}
        </p>
        <button type="button" className="button" onClick={() => setResult(null)}>
          {t('selfReport.again')}
        </button>
      </div>
    );

  const last = own.data?.items[0];
  const textArea = (id: string, label: string, value: string, set: (v: string) => void) => (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <p className="hint" id={`${id}-hint`}>
        {t('selfReport.optional')}
      </p>
      <textarea
        id={id}
        rows={3}
        maxLength={2000}
        value={value}
        onChange={(e) => set(e.target.value)}
        aria-describedby={`${id}-hint${missing.includes(id) ? ` ${id}-error` : ''}`}
      />
      {missing.includes(id) && (
        <p className="field__error" id={`${id}-error`}>
          {t('selfReport.answerAll')}
        </p>
      )}
    </div>
  );
  const choice = <V,>(
    id: string,
    label: string,
    options: ReadonlyArray<[V, PortalKey]>,
    value: V | null,
    set: (v: V) => void,
  ) => (
    <fieldset
      className="portal-choice"
      id={id}
      tabIndex={-1}
      aria-describedby={missing.includes(id) ? `${id}-error` : undefined}
    >
      <legend>{label}</legend>
      {options.map(([v, key]) => (
        <label key={String(v)} className="portal-choice__option">
          <input type="radio" name={id} checked={value === v} onChange={() => set(v)} />
          <span>{t(key)}</span>
        </label>
      ))}
      {missing.includes(id) && (
        <p className="field__error" id={`${id}-error`}>
          {t('selfReport.answerAll')}
        </p>
      )}
    </fieldset>
  );
  const yesNo: ReadonlyArray<[boolean, PortalKey]> = [
    [true, 'selfReport.yes'],
    [false, 'selfReport.no'],
  ];
  const freq: ReadonlyArray<[number, PortalKey]> = FREQUENCIES.map((f) => [
    Number(f),
    `selfReport.frequency.${f}`,
  ]);

  return (
    <div className="portal-selfreport">
      <h1>{t('selfReport.title')}</h1>
      <p>{t('selfReport.intro')}</p>
      {me.nextAppointment && (
        <p className="muted">{t('selfReport.forAppointment', { date: date(me.nextAppointment.date) })}</p>
      )}
      {last && <p className="notice">{t('selfReport.sentBefore', { date: date(last.createdAt) })}</p>}
      <form className="form portal-form" onSubmit={submit} noValidate>
        {born.length > 1 && (
          <fieldset className="portal-choice">
            <legend>{t('selfReport.childAny')}</legend>
            {born.map((c) => (
              <label key={c.id} className="portal-choice__option">
                <input
                  type="radio"
                  name="sr-child"
                  checked={childId === c.id}
                  onChange={() => setChildId(c.id)}
                />
                <span>{c.givenName}</span>
              </label>
            ))}
          </fieldset>
        )}
        {textArea('sr-you', t('selfReport.you'), howAreYou, setHowAreYou)}
        {textArea(
          'sr-child',
          child ? t('selfReport.child', { name: child.givenName }) : t('selfReport.childAny'),
          howIsChild,
          setHowIsChild,
        )}
        {textArea('sr-talk', t('selfReport.talk'), wantToDiscuss, setWantToDiscuss)}

        <section className="portal-card" aria-labelledby="sr-mood">
          <h2 id="sr-mood">{t('selfReport.moodTitle')}</h2>
          <p>{t('selfReport.whooleyPeriod')}</p>
          {choice('sr-whooley1', t('selfReport.whooley1'), yesNo, depressed, setDepressed)}
          {choice('sr-whooley2', t('selfReport.whooley2'), yesNo, lostInterest, setLostInterest)}
        </section>
        <section className="portal-card" aria-labelledby="sr-worry">
          <h2 id="sr-worry">{t('selfReport.worryTitle')}</h2>
          <p>{t('selfReport.gadPeriod')}</p>
          {choice('sr-gad1', t('selfReport.gad1'), freq, nervous, setNervous)}
          {choice('sr-gad2', t('selfReport.gad2'), freq, worrying, setWorrying)}
        </section>
        <p className="hint">{t('selfReport.privacy')}</p>
        {send.isError && (
          <p className="notice notice--error" role="alert">
            {t('app.error')}
          </p>
        )}
        <button type="submit" className="button button--primary" disabled={send.isPending}>
          {t('selfReport.submit')}
        </button>
      </form>
    </div>
  );
}
