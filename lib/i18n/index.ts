import type { StandardFieldKey } from '../fields';
import { de } from './de';
import { en, type MessageKey } from './en';

export type { MessageKey } from './en';

/**
 * A tiny typed i18n: one flat dictionary per language (en.ts, de.ts). English defines the keys;
 * German is typed `Record<MessageKey, string>`, so a missing German string fails the type check.
 *
 * Messages use `{name}` placeholders. Number values are formatted for the language
 * (1234.5 → "1,234.5" / "1.234,5"); pass a string to keep a number as it is (ids).
 *
 * Plurals: when `vars.count` is a number and the dictionary has `<key>_one`, that form is
 * used for the "one" plural category (Intl.PluralRules); `<key>` itself is the other form.
 *
 * React-free on purpose: the React context lives in components/I18n.tsx.
 */

export type Lang = 'en' | 'de';
export type LanguageSetting = 'auto' | Lang;

export const dictionaries: Readonly<Record<Lang, Readonly<Record<MessageKey, string>>>> = { en, de };

export type Vars = Record<string, string | number>;
export type T = (key: MessageKey, vars?: Vars) => string;

/** Intl locale per UI language. en-GB: "31 Dec 2026", 24-hour clock. */
export function localeOf(lang: Lang): string {
  return lang === 'de' ? 'de-DE' : 'en-GB';
}

/** "auto" follows the browser: German when its language starts with "de", else English. */
export function resolveLang(setting: LanguageSetting, navigatorLanguage?: string): Lang {
  if (setting === 'en' || setting === 'de') return setting;
  return navigatorLanguage?.trim().toLowerCase().startsWith('de') ? 'de' : 'en';
}

const PLACEHOLDER = /\{(\w+)\}/g;
const cache = new Map<Lang, T>();

export function translator(lang: Lang): T {
  const cached = cache.get(lang);
  if (cached) return cached;
  const dict: Readonly<Record<string, string>> = dictionaries[lang];
  const fallback: Readonly<Record<string, string>> = en;
  const numbers = new Intl.NumberFormat(localeOf(lang), { maximumFractionDigits: 2 });
  const plurals = new Intl.PluralRules(localeOf(lang));
  const t: T = (key, vars) => {
    let message: string | undefined;
    const count = vars?.count;
    if (typeof count === 'number' && plurals.select(count) === 'one') message = dict[`${key}_one`];
    // Unknown keys (a cast template key, e.g. an error kind from newer code) fall back to English, then to the key.
    message ??= dict[key] ?? fallback[key] ?? key;
    if (!vars) return message;
    // A replacer function: values are inserted literally (no `$&` patterns), and never re-scanned.
    return message.replace(PLACEHOLDER, (whole, name: string) => {
      const value = vars[name];
      if (value === undefined) return whole;
      return typeof value === 'number' ? numbers.format(value) : value;
    });
  };
  cache.set(lang, t);
  return t;
}

/** The label key of a standard field (custom attributes are labelled by Personio). */
export function fieldLabelKey(key: StandardFieldKey): MessageKey {
  return `field_${key}`;
}

/** True when `key` is a message key (for keys built from data, e.g. `error_${kind}`). */
export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(en, key);
}
