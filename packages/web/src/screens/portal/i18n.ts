import type { Lang, Region } from '@nestwerk/knowledge';
import i18next, { type TOptions } from 'i18next';
import { useTranslation } from 'react-i18next';
import { portalEn, portalEnBE } from '../../i18n/portal/en.ts';
import { type PortalMessages, portalNl } from '../../i18n/portal/nl.ts';
import { portalNlBE } from '../../i18n/portal/nl-BE.ts';

/**
 * The parent portal's own i18next instance: its messages arrive with the portal chunk (never in the
 * professional bundle), and a Flemish family reading English still gets the Flemish helplines (en-BE).
 */
export const portalI18n = i18next.createInstance();

void portalI18n.init({
  resources: {
    nl: { translation: portalNl },
    'nl-BE': { translation: portalNlBE },
    en: { translation: portalEn },
    'en-BE': { translation: portalEnBE },
  },
  lng: 'nl',
  fallbackLng: { 'nl-BE': ['nl'], 'en-BE': ['en'], default: ['nl'] },
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});

export function portalLanguage(lang: Lang, region: Region): string {
  if (lang === 'en') return region === 'be' ? 'en-BE' : 'en';
  return region === 'be' ? 'nl-BE' : 'nl';
}

type Leaf<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaf<T[K], `${P}${K}.`>;
}[keyof T & string];
type Plural<K> = K extends `${infer B}_${'one' | 'other'}` ? B : K;
export type PortalKey = Plural<Leaf<PortalMessages>>;
export type PortalT = (key: PortalKey, options?: TOptions) => string;

/** `t` for portal keys, checked against the Dutch messages. */
export function usePortalT(): PortalT {
  const { t } = useTranslation(undefined, { i18n: portalI18n });
  return t as unknown as PortalT;
}

export function fixedPortalT(language: string): PortalT {
  return portalI18n.getFixedT(language) as unknown as PortalT;
}
