import type { QuestionnaireDefinition } from '@nestwerk/engine';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../app/locale.tsx';

type Item = QuestionnaireDefinition['items'][number];
type Option = QuestionnaireDefinition['answerOptions'][number];

export function QuestionItem({
  index,
  item,
  options,
  value,
  onChange,
}: {
  index: number;
  item: Item;
  options: Option[];
  value: number | null;
  onChange(value: number): void;
}) {
  const { t } = useTranslation();
  const { know } = useLocale();
  return (
    <li className="question">
      <fieldset>
        <legend>
          <span className="question__number">{index + 1}.</span>{' '}
          {item.text ? know(item.text) : t('instruments.itemWithoutText', { id: item.id })}
        </legend>
        <div className="answers">
          {options.map((option) => (
            <label key={option.value} className="answer">
              <input
                type="radio"
                name={`q-${item.id}`}
                value={option.value}
                checked={value === option.value}
                onChange={() => onChange(option.value)}
              />
              <span>{know(option.label)}</span>
            </label>
          ))}
        </div>
      </fieldset>
    </li>
  );
}
