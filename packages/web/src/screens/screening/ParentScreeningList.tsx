import type { DueScreening, FamilyFile, ParentScreening } from '@nestwerk/contract';
import { SCREENING_SCHEDULE, type Text } from '@nestwerk/knowledge';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLocale } from '../../app/locale.tsx';
import { ImportedBadge } from '../shared/ImportedMarker.tsx';
import { instrumentShortName } from './model.ts';
import { screenedParents, useParentName } from './names.ts';
import { OutcomeBadge, ScreeningOutcomeBlock } from './ScreeningOutcome.tsx';
import { storedOutcome } from './stored-outcome.ts';

/** Due and overdue moments of the schedule, as words with a shape (never colour alone). */
export function DueScreenings({ due }: { due: readonly DueScreening[] }) {
  const { t } = useTranslation();
  const { know, date } = useLocale();
  if (due.length === 0) return null;
  return (
    <ul className="plain due-screenings">
      {due.map((d) => {
        const moment = SCREENING_SCHEDULE.find((m) => m.id === d.moment);
        const label = moment ? know(moment.label) : d.moment;
        return (
          <li
            key={`${d.personId}-${d.childId}-${d.moment}`}
            className={`flag flag--screening-${d.status}`}
            data-testid={`due-screening-${d.status}`}
          >
            {d.status === 'overdue'
              ? t('screening.due.overdue', { moment: label, from: date(d.from), to: date(d.to) })
              : t('screening.due.due', { moment: label, to: date(d.to) })}
          </li>
        );
      })}
    </ul>
  );
}

function Latest({
  screenings,
  imported,
}: {
  screenings: readonly ParentScreening[];
  imported: FamilyFile['imported'] | undefined;
}) {
  const { t } = useTranslation();
  const { date, lang, region, know } = useLocale();
  const latest = screenings[0];
  if (!latest) return <p className="muted">{t('screening.family.none')}</p>;
  // Everything recorded on the latest day: a Whooley and the EPDS that followed it belong together.
  const sameDay = screenings.filter((s) => s.date === latest.date);
  const worst = sameDay.reduce((a, b) => (rank(b.outcome) > rank(a.outcome) ? b : a), latest);
  const earlier = screenings.length - sameDay.length;
  return (
    <>
      <p>
        {t('screening.family.latest', { date: date(latest.date) })}:{' '}
        {sameDay.map((s, i) => (
          <span key={s.id}>
            {i > 0 && ', '}
            {shortName(s, know)}
            <ImportedBadge marker={imported} kind="screenings" id={s.id} />
          </span>
        ))}
      </p>
      <ScreeningOutcomeBlock
        result={storedOutcome(worst, lang, region)}
        headingLevel={4}
        testId={`screening-latest-${worst.personId}`}
      />
      {earlier > 0 && (
        <details>
          <summary>{t('screening.family.history', { count: earlier })}</summary>
          <ul>
            {screenings.slice(sameDay.length).map((s) => (
              <li key={s.id}>
                {date(s.date)} · {shortName(s, know)} · <OutcomeBadge outcome={s.outcome} />{' '}
                <ImportedBadge marker={imported} kind="screenings" id={s.id} />
              </li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}

/** "EPDS 14", "GAD-2 3"; the Whooley result is in the outcome's reasons. */
function shortName(s: ParentScreening, know: (text: Text) => string): string {
  const name = instrumentShortName(s.instrument, know);
  return s.instrument === 'whooley' || s.total === null ? name : `${name} ${s.total}`;
}

const ORDER = ['no_concern', 'screen_further', 'rescreen', 'clinical_assessment', 'urgent'] as const;
const rank = (o: ParentScreening['outcome']) => ORDER.indexOf(o);

/**
 * Each screened parent with the latest outcome, the moments due or overdue, and a way to screen them now
 * (DESIGN §2.11). Screening results, never diagnoses.
 */
export function ParentScreeningList({
  family,
  screenLink,
}: {
  family: FamilyFile;
  screenLink(personId: string): string;
}) {
  const { t } = useTranslation();
  const parentName = useParentName();
  const parents = screenedParents(family.caregivers);
  if (parents.length === 0) return <p className="muted">{t('screening.family.noScreenedParents')}</p>;
  return (
    <ul className="plain parent-screenings">
      {parents.map((person) => {
        const screenings = family.screenings?.find((s) => s.personId === person.id)?.screenings ?? [];
        const due = (family.dueScreenings ?? []).filter((d) => d.personId === person.id);
        return (
          <li key={person.id} className="parent-card" data-testid={`parent-screening-${person.id}`}>
            <h3 className="parent-card__name">
              {parentName(person)}
              {due.some((d) => d.status === 'overdue') ? (
                <span className="badge badge--danger">{t('screening.due.badgeOverdue')}</span>
              ) : due.length > 0 ? (
                <span className="badge">{t('screening.due.badgeDue')}</span>
              ) : null}
            </h3>
            <DueScreenings due={due} />
            <Latest screenings={screenings} imported={family.imported} />
            <p>
              <Link
                className="button button--small button--primary"
                to={screenLink(person.id)}
                aria-label={t('screening.startFor', { name: parentName(person) })}
              >
                {t('screening.start')}
              </Link>
            </p>
          </li>
        );
      })}
    </ul>
  );
}
