import { useMemo } from 'react';
import type { LocalizedNames } from '../http/types';
import { useLocale, useT } from './hooks';
import type { Locale } from './types';

const INTL_LOCALE: Record<Locale, string> = { ru: 'ru-RU', be: 'be-BY', en: 'en-GB' };

/** Name of a category (or anything with nameRu/nameBe/nameEn) in the given language, Russian as fallback. */
export function localizedName(item: LocalizedNames, locale: Locale): string {
  if (locale === 'be' && item.nameBe) return item.nameBe;
  if (locale === 'en' && item.nameEn) return item.nameEn;
  return item.nameRu;
}

/** Function text: English for English, otherwise Russian (there is no Belarusian function text). */
export function localizedFunction(item: { functionRu: string | null; functionEn: string | null }, locale: Locale): string | null {
  return locale === 'en' ? (item.functionEn ?? item.functionRu) : (item.functionRu ?? item.functionEn);
}

/**
 * Browsers without Belarusian locale data (Chromium ships none) would format
 * Belarusian numbers and dates in English. Then numbers use the Russian conventions
 * (the same separators) and dates are numeric (dd.mm.yyyy), which read the same in both.
 */
function intlSetup(locale: Locale) {
  const tag = INTL_LOCALE[locale];
  const supported = Intl.DateTimeFormat.supportedLocalesOf([tag]).length > 0;
  if (supported) {
    return {
      tag,
      numbers: new Intl.NumberFormat(tag),
      dates: new Intl.DateTimeFormat(tag, { dateStyle: 'medium' }),
      dateTimes: new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short' }),
      regions: regionNames(tag),
    };
  }
  const fallback = INTL_LOCALE.ru;
  const numeric = { day: '2-digit', month: '2-digit', year: 'numeric' } as const;
  return {
    tag: fallback,
    numbers: new Intl.NumberFormat(fallback),
    dates: new Intl.DateTimeFormat(fallback, numeric),
    dateTimes: new Intl.DateTimeFormat(fallback, { ...numeric, hour: '2-digit', minute: '2-digit' }),
    regions: null,
  };
}

type IntlSetup = ReturnType<typeof intlSetup>;
const intlSetups = new Map<Locale, IntlSetup>();

/** Intl formatters are costly to build (about a millisecond each): one set per language, shared by every component. */
function cachedIntlSetup(locale: Locale): IntlSetup {
  let setup = intlSetups.get(locale);
  if (!setup) {
    setup = intlSetup(locale);
    intlSetups.set(locale, setup);
  }
  return setup;
}

function regionNames(tag: string): Intl.DisplayNames | null {
  try {
    return new Intl.DisplayNames([tag], { type: 'region' });
  } catch {
    return null;
  }
}

function parseDate(iso: string | null | undefined): Date | null {
  if (!iso) return null;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** Locale-aware formatters; stable for one language. */
export function useFormat() {
  const { locale } = useLocale();
  const t = useT();
  return useMemo(() => {
    const { tag, numbers, dates, dateTimes, regions } = cachedIntlSetup(locale);
    return {
      locale,
      /** BCP 47 tag for Intl APIs. */
      intl: tag,
      number: (value: number) => numbers.format(value),
      date: (iso: string | null | undefined) => {
        const date = parseDate(iso);
        return date ? dates.format(date) : (iso ?? '');
      },
      dateTime: (iso: string | null | undefined) => {
        const date = parseDate(iso);
        return date ? dateTimes.format(date) : (iso ?? '');
      },
      /** Country name: BY and RU from the dictionaries, others from Intl (or the ISO code). */
      country: (code: string | null | undefined) => {
        if (!code) return '';
        if (code === 'BY' || code === 'RU') return t(`country.${code}`);
        try {
          return regions?.of(code.toUpperCase()) ?? code;
        } catch {
          return code;
        }
      },
      name: (item: LocalizedNames) => localizedName(item, locale),
      fn: (item: { functionRu: string | null; functionEn: string | null }) => localizedFunction(item, locale),
    };
  }, [locale, t]);
}

export type Formatters = ReturnType<typeof useFormat>;
