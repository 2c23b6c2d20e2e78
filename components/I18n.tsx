import { createContext, useContext, useEffect, useMemo, type ReactNode } from 'react';
import { translator, type Lang, type T } from '@/lib/i18n';

export interface I18n {
  t: T;
  lang: Lang;
}

/** Without a provider, components speak English. */
const I18nContext = createContext<I18n>({ t: translator('en'), lang: 'en' });

/** Provides the UI language, and sets `<html lang>` so screen readers pronounce it right. */
export function I18nProvider({ lang, children }: { lang: Lang; children?: ReactNode }) {
  const value = useMemo<I18n>(() => ({ t: translator(lang), lang }), [lang]);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  return <I18nContext value={value}>{children}</I18nContext>;
}

export function useT(): I18n {
  return useContext(I18nContext);
}
