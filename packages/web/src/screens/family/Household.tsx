import type { FamilyFile } from '@nestwerk/contract';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Person } from '../../api/types.ts';
import { useLocale } from '../../app/locale.tsx';
import { ageOn, ageText } from '../shared/age.ts';
import { AddPersonForm } from './AddPersonForm.tsx';
import { EditPersonForm } from './EditPersonForm.tsx';
import { NationalIdBadge } from './NationalIdBadge.tsx';

export function Household({ family }: { family: FamilyFile }) {
  const { t } = useTranslation();
  const { date } = useLocale();
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const editButton = (person: Person) => (
    <button
      type="button"
      className="button button--small button--quiet"
      onClick={() => setEditing(person.id)}
      aria-label={t('family.editPerson', { name: `${person.givenName} ${person.familyName}` })}
    >
      {t('common.edit')}
    </button>
  );
  const editor = (person: Person) =>
    editing === person.id ? (
      <EditPersonForm person={person} familyId={family.id} onDone={() => setEditing(null)} />
    ) : null;
  return (
    <section className="panel household" aria-labelledby="household-title">
      <h2 id="household-title">{t('family.household')}</h2>
      <h3>{t('family.children')}</h3>
      <ul className="plain people">
        {family.children.map((child) => (
          <li key={child.id} className="person">
            <div>
              <strong>
                {child.givenName} {child.familyName}
              </strong>
              <span className="muted">
                {' · '}
                {ageText(t, ageOn(child))}
                {child.birthDate && ` · ${t('common.bornOn', { date: date(child.birthDate) })}`}
                {!child.birthDate &&
                  child.dueDate &&
                  ` · ${t('common.dueOn', { date: date(child.dueDate) })}`}
                {child.firstChild && ` · ${t('family.firstChild')}`}
              </span>
              {child.nationalId && (
                <NationalIdBadge
                  personId={child.id}
                  nationalId={child.nationalId}
                  name={`${child.givenName} ${child.familyName}`}
                />
              )}
            </div>
            <span className="person__actions">
              {editButton(child)}
              <Link
                className="button button--primary button--small"
                to={`/families/${family.id}/contacts/new?child=${child.id}`}
                aria-label={t('family.startContactFor', { name: child.givenName })}
              >
                {t('family.startContact')}
              </Link>
            </span>
            {editor(child)}
          </li>
        ))}
      </ul>
      <h3>{t('family.caregivers')}</h3>
      <ul className="plain people">
        {family.caregivers.map((person) => (
          <li key={person.id} className="person">
            <div>
              <strong>
                {person.givenName} {person.familyName}
              </strong>
              <span className="muted">
                {person.role && ` · ${t(`common.roles.${person.role}`)}`}
                {person.birthYear && ` · ${t('family.bornIn', { year: person.birthYear })}`}
                {person.lowEducation && ` · ${t('family.lowEducation')}`}
              </span>
              {person.nationalId && (
                <NationalIdBadge
                  personId={person.id}
                  nationalId={person.nationalId}
                  name={`${person.givenName} ${person.familyName}`}
                />
              )}
            </div>
            {editButton(person)}
            {editor(person)}
          </li>
        ))}
      </ul>
      {adding ? (
        <AddPersonForm familyId={family.id} onDone={() => setAdding(false)} />
      ) : (
        <button type="button" className="button" onClick={() => setAdding(true)}>
          {t('family.addPerson')}
        </button>
      )}
    </section>
  );
}
