export { LocaleProvider } from './LocaleProvider';
export { useLocale, useT } from './hooks';
export { localizedName, localizedFunction, useFormat, type Formatters } from './format';
export { LOCALES, isLocale } from './locales';
export type { Locale, MessageKey, Translate } from './types';
