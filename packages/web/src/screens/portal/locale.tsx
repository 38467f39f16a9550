import type { Lang, Region } from '@nestwerk/knowledge';
import { createContext, type ReactNode, useContext, useLayoutEffect, useMemo, useState } from 'react';
import { localeTag, storedLang, storeLang } from '../../i18n/index.ts';
import { portalI18n, portalLanguage } from './i18n.ts';

const REGION_KEY = 'nestwerk.portal.region';

export interface PortalLocale {
  lang: Lang;
  region: Region;
  tag: string;
  setLang(lang: Lang): void;
  date(value: string): string;
  dateTime(value: string): string;
  /** The time of day alone ("12:43"), after a dateTime on the same day. */
  time(value: string): string;
}

const Context = createContext<PortalLocale | null>(null);

/**
 * The region last seen for this browser, so the log-in page speaks Flemish again for a Flemish family. On a
 * first visit (or after the browser forgot), the browser's own languages decide: a parent in Belgium who reads
 * "JGZ" would not know whom it means.
 */
export function rememberedRegion(
  languages: readonly string[] = globalThis.navigator?.languages ?? [],
): Region {
  let stored: string | null = null;
  try {
    stored = globalThis.localStorage?.getItem(REGION_KEY) ?? null;
  } catch {
    // Private mode: nothing remembered.
  }
  if (stored === 'be' || stored === 'nl') return stored;
  return languages.some((l) => /-BE$/i.test(l)) ? 'be' : 'nl';
}

export function rememberRegion(region: Region): void {
  try {
    globalThis.localStorage?.setItem(REGION_KEY, region);
  } catch {
    // Private mode: the region then holds for this page only.
  }
}

export function PortalLocaleProvider({ region, children }: { region: Region; children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(storedLang);
  const tag = localeTag(lang, region);
  useLayoutEffect(() => {
    void portalI18n.changeLanguage(portalLanguage(lang, region));
    document.documentElement.lang = tag;
  }, [lang, region, tag]);
  const value = useMemo<PortalLocale>(
    () => ({
      lang,
      region,
      tag,
      setLang: (next) => {
        storeLang(next);
        setLangState(next);
      },
      date: (v) => longDate(v, tag),
      dateTime: (v) =>
        new Intl.DateTimeFormat(tag, {
          day: 'numeric',
          month: 'long',
          hour: '2-digit',
          minute: '2-digit',
        }).format(new Date(v)),
      time: (v) => new Intl.DateTimeFormat(tag, { hour: '2-digit', minute: '2-digit' }).format(new Date(v)),
    }),
    [lang, region, tag],
  );
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function usePortalLocale(): PortalLocale {
  const value = useContext(Context);
  if (!value) throw new Error('usePortalLocale outside PortalLocaleProvider');
  return value;
}

/** "3 mei 2026": a parent reads a written-out month more easily than 03-05-2026. A timestamp counts by its local day. */
function longDate(value: string, tag: string): string {
  const calendar = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const date = new Date(calendar ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(tag, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    ...(calendar ? { timeZone: 'UTC' } : {}),
  }).format(date);
}
