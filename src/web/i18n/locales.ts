import { be } from './dictionaries/be';
import { en } from './dictionaries/en';
import { ru } from './dictionaries/ru';
import type { Dictionary, Locale, MessageKey, MessageParams } from './types';

export const DEFAULT_LOCALE: Locale = 'ru';
export const LOCALE_STORAGE_KEY = 'reestr.locale';

/** Languages in switcher order, each named in itself. */
export const LOCALES: { value: Locale; label: string }[] = [
  { value: 'ru', label: 'Русский' },
  { value: 'be', label: 'Беларуская' },
  { value: 'en', label: 'English' },
];

const dictionaries: Record<Locale, Dictionary> = { ru, be, en };

export function isLocale(value: unknown): value is Locale {
  return value === 'ru' || value === 'be' || value === 'en';
}

export function translate(locale: Locale, key: MessageKey, params?: MessageParams): string {
  const text = dictionaries[locale][key] ?? ru[key] ?? key;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function readStoredLocale(): Locale {
  try {
    const stored = window.localStorage.getItem(LOCALE_STORAGE_KEY);
    return isLocale(stored) ? stored : DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}

export function storeLocale(locale: Locale): void {
  try {
    window.localStorage.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    // Private mode or storage disabled: the choice lasts for this page only.
  }
}
