import type { Lang, Region, Text } from '@nestwerk/knowledge';
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useLayoutEffect,
  useMemo,
  useState,
} from 'react';
import { i18nLanguage, localeTag, storedLang, storeLang, switchLanguage } from '../i18n/index.ts';
import { formatDate } from '../lib/dates.ts';

export interface LocaleValue {
  lang: Lang;
  region: Region;
  /** BCP 47 tag for Intl, e.g. nl-NL, nl-BE, en-GB. */
  tag: string;
  setLang(lang: Lang): void;
  /** Picks knowledge wording for the current language and region (Flemish where it differs). */
  know(value: Text): string;
  date(value: string): string;
  number(value: number): string;
}

const LocaleContext = createContext<LocaleValue | null>(null);

export function LocaleProvider({ region, children }: { region: Region; children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(storedLang);
  const tag = localeTag(lang, region);

  // Before paint: the first screen after log-in already speaks the organisation's wording.
  useLayoutEffect(() => {
    void switchLanguage(i18nLanguage(lang, region));
    document.documentElement.lang = tag;
  }, [lang, region, tag]);

  const setLang = useCallback((next: Lang) => {
    storeLang(next);
    setLangState(next);
  }, []);

  const value = useMemo<LocaleValue>(() => {
    const numberFormat = new Intl.NumberFormat(tag, { maximumFractionDigits: 2 });
    return {
      lang,
      region,
      tag,
      setLang,
      know: (v) => (lang === 'en' ? v.en : region === 'be' && v.nlBE !== undefined ? v.nlBE : v.nl),
      date: (v) => formatDate(v, tag),
      number: (v) => numberFormat.format(v),
    };
  }, [lang, region, tag, setLang]);

  return <LocaleContext.Provider value={value}>{children}</LocaleContext.Provider>;
}

export function useLocale(): LocaleValue {
  const value = useContext(LocaleContext);
  if (!value) throw new Error('useLocale outside LocaleProvider');
  return value;
}
