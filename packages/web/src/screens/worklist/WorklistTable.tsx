import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { WorklistItem } from '../../api/types.ts';
import { useLocale } from '../../app/locale.tsx';
import { ageOn, ageText } from '../shared/age.ts';
import { Flags } from './Flags.tsx';

export function WorklistTable({ items }: { items: WorklistItem[] }) {
  const { t } = useTranslation();
  const { date } = useLocale();
  if (items.length === 0) return <p className="empty">{t('worklist.empty')}</p>;
  return (
    <div className="table-wrap">
      <table className="table worklist">
        <caption className="visually-hidden">{t('worklist.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('worklist.columns.family')}</th>
            <th scope="col">{t('worklist.columns.children')}</th>
            <th scope="col">{t('worklist.columns.nextFollowUp')}</th>
            <th scope="col">{t('worklist.columns.lastContact')}</th>
            <th scope="col">{t('worklist.columns.flags')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr
              key={item.familyId}
              className={item.overdue ? 'is-overdue' : item.flags.dueToday ? 'is-today' : undefined}
            >
              <th scope="row">
                <Link to={`/families/${item.familyId}`}>{item.name}</Link>
              </th>
              <td>
                <ul className="plain">
                  {item.children.map((child) => (
                    <li key={child.id}>
                      {child.givenName}{' '}
                      <span className="muted">
                        {child.birthDate
                          ? `${ageText(t, ageOn(child))}, ${date(child.birthDate)}`
                          : child.dueDate
                            ? t('common.dueOn', { date: date(child.dueDate) })
                            : ''}
                      </span>
                    </li>
                  ))}
                </ul>
              </td>
              <td>
                {item.nextFollowUp ? (
                  <>
                    {date(item.nextFollowUp)}
                    {item.overdue && <span className="badge badge--danger">{t('worklist.overdue')}</span>}
                    {item.flags.dueToday && <span className="badge badge--today">{t('worklist.today')}</span>}
                  </>
                ) : (
                  <span className="muted">{t('worklist.noFollowUp')}</span>
                )}
              </td>
              <td>
                {item.lastContact ? (
                  date(item.lastContact)
                ) : (
                  <span className="muted">{t('worklist.noContact')}</span>
                )}
              </td>
              <td>
                <Flags item={item} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
