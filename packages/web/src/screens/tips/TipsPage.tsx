import { knowledge, type Lang, type TipAgeBand, text } from '@nestwerk/knowledge';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../app/locale.tsx';
import { useUser } from '../../app/session.tsx';
import { formatDate, today } from '../../lib/dates.ts';
import { useSearchState } from '../../lib/useSearchState.ts';

const BANDS: TipAgeBand[] = ['0_2', '2_4', '4_12', '12_plus'];

/**
 * Tips for parents by age band (Box 2.1), in the parent's language — which may differ from the nurse's
 * screen language. Printing hides everything but the tips (print.css); "Save as PDF" makes the PDF.
 */
export default function TipsPage() {
  const { t, i18n } = useTranslation();
  const { region, lang: uiLang } = useLocale();
  const user = useUser();
  const [params, setParams] = useSearchState();
  const band = (BANDS as string[]).includes(params.get('band') ?? '')
    ? (params.get('band') as TipAgeBand)
    : '0_2';
  const tipLang: Lang = params.get('lang') === 'en' ? 'en' : params.get('lang') === 'nl' ? 'nl' : uiLang;
  const tips = knowledge.parentTips.find((b) => b.band === band);
  const set = (key: string, value: string) => {
    setParams(
      (current) => {
        current.set(key, value);
        return current;
      },
      { replace: true },
    );
  };
  // The handout speaks the parent's language, whatever the screen language.
  const tt = i18n.getFixedT(tipLang === 'en' ? 'en' : region === 'be' ? 'nl-BE' : 'nl');
  const handoutLocale = tipLang === 'en' ? 'en-GB' : region === 'be' ? 'nl-BE' : 'nl-NL';

  return (
    <>
      <div className="no-print">
        <h1>{t('tips.title')}</h1>
        <p>{t('tips.intro')}</p>
        <div className="filters">
          <div className="field">
            <label htmlFor="tips-band">{t('tips.band')}</label>
            <select id="tips-band" value={band} onChange={(e) => set('band', e.target.value)}>
              {BANDS.map((b) => (
                <option key={b} value={b}>
                  {t(`tips.bands.${b}`)}
                </option>
              ))}
            </select>
          </div>
          <fieldset className="segmented">
            <legend>{t('tips.language')}</legend>
            {(['nl', 'en'] as const).map((l) => (
              <label key={l} className="segmented__option" lang={l}>
                <input
                  type="radio"
                  name="tips-lang"
                  checked={tipLang === l}
                  onChange={() => set('lang', l)}
                />
                <span>{t(`app.languages.${l}`)}</span>
              </label>
            ))}
          </fieldset>
          <div className="field">
            <button type="button" className="button button--primary" onClick={() => window.print()}>
              {t('tips.print')}
            </button>
          </div>
        </div>
        <p className="hint">{t('tips.printHint')}</p>
      </div>
      {tips && (
        <article className="handout" lang={handoutLocale} data-testid="tips-handout">
          <h2 className="handout__title">{text(tips.title, tipLang, region)}</h2>
          <ul className="handout__tips">
            {tips.tips.map((tip) => (
              <li key={tip.nl}>{text(tip, tipLang, region)}</li>
            ))}
          </ul>
          {/* The number to call sits on the handout itself: on paper it is all the parent has. */}
          {user.organisation.phone && (
            <p className="handout__phone" data-testid="tips-phone">
              {tt('tips.phone', { organisation: user.organisation.name, phone: user.organisation.phone })}
            </p>
          )}
          <p className="handout__footer">
            {tt('tips.footer', {
              organisation: user.organisation.name,
              date: formatDate(today(), handoutLocale),
            })}
          </p>
        </article>
      )}
    </>
  );
}
