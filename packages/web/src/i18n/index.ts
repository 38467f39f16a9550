import type { Lang, Region } from '@nestwerk/knowledge';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { type Messages, nl } from './nl.ts';
import { nlBE } from './nl-BE.ts';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
  }
}

/** The i18next language for a user's choice and organisation region: Flemish overrides Dutch where it differs. */
export function i18nLanguage(lang: Lang, region: Region): string {
  if (lang === 'en') return 'en';
  return region === 'be' ? 'nl-BE' : 'nl';
}

/** BCP 47 tag for `<html lang>` and Intl formatting. English dates in European order. */
export function localeTag(lang: Lang, region: Region): string {
  if (lang === 'en') return 'en-GB';
  return region === 'be' ? 'nl-BE' : 'nl-NL';
}

const LANG_KEY = 'nestwerk.lang';

export function storedLang(): Lang {
  try {
    return globalThis.localStorage?.getItem(LANG_KEY) === 'en' ? 'en' : 'nl';
  } catch {
    return 'nl';
  }
}

export function storeLang(lang: Lang): void {
  try {
    globalThis.localStorage?.setItem(LANG_KEY, lang);
  } catch {
    // Private mode or storage full: the choice then lasts for this page only.
  }
}

export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  // English is loaded when it is chosen (`switchLanguage`): most users work in Dutch, and the initial bundle has
  // a budget.
  resources: {
    nl: { translation: nl },
    'nl-BE': { translation: nlBE },
  },
  lng: i18nLanguage(storedLang(), 'nl'),
  fallbackLng: { 'nl-BE': ['nl'], default: ['nl'] },
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});

/** Switches the language, fetching the English messages the first time they are needed. */
export async function switchLanguage(language: string): Promise<void> {
  if (language === 'en' && !i18n.hasResourceBundle('en', 'translation')) {
    const { en } = await import('./en.ts');
    i18n.addResourceBundle('en', 'translation', en);
  }
  await i18n.changeLanguage(language);
}
