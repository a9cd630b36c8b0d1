/**
 * UI strings and locale formatting. Chinese is the default; the choice lives in the store (and
 * so in the URL and localStorage, see src/state/urlSync.ts).
 */
import type { Bilingual } from '../domain/metrics';
import { type Lang, useUi } from '../state';
import { en } from './en';
import { interpolate, type Vars } from './interpolate';
import { type MessageKey, zh } from './zh';

export type { MessageKey };

const MESSAGES: Record<Lang, Record<MessageKey, string>> = { zh, en };
const LOCALES: Record<Lang, string> = { zh: 'zh-CN', en: 'en' };

export { interpolate, type Vars } from './interpolate';

export interface I18n {
  lang: Lang;
  locale: string;
  t: (key: MessageKey, vars?: Vars) => string;
  /** Pick the language's side of a zh/en label from the domain. */
  label: (b: Bilingual) => string;
  /** Locale-formatted number; `digits` fraction digits at most (default 0 for counts). */
  num: (n: number | null | undefined, digits?: number) => string;
  /** A ratio 0–1 as a percentage. */
  pct: (ratio: number | null | undefined, digits?: number) => string;
  /** A list joined the locale's way. */
  list: (items: readonly string[]) => string;
}

const cache = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, options);
    cache.set(key, f);
  }
  return f;
}

export function makeI18n(lang: Lang): I18n {
  const locale = LOCALES[lang];
  const messages = MESSAGES[lang];
  return {
    lang,
    locale,
    t: (key, vars) => interpolate(messages[key], vars),
    label: (b) => b[lang],
    num: (n, digits = 0) =>
      n === null || n === undefined || !Number.isFinite(n)
        ? '—'
        : numberFormat(locale, { maximumFractionDigits: digits }).format(n),
    pct: (r, digits = 1) =>
      r === null || r === undefined || !Number.isFinite(r)
        ? '—'
        : numberFormat(locale, {
            style: 'percent',
            maximumFractionDigits: digits,
            minimumFractionDigits: digits,
          }).format(r),
    list: (items) => new Intl.ListFormat(locale, { type: 'conjunction' }).format(items),
  };
}

const instances: Partial<Record<Lang, I18n>> = {};
/** The I18n of a language (memoised: stable identity per language). */
export function i18nFor(lang: Lang): I18n {
  instances[lang] ??= makeI18n(lang);
  return instances[lang];
}

/** The current language's strings and formatters. */
export function useI18n(): I18n {
  return i18nFor(useUi((s) => s.lang));
}
