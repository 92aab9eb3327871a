import { useContext } from 'react';
import { LocaleContext } from './LocaleProvider';
import type { Translate } from './types';

function useLocaleContext() {
  const context = useContext(LocaleContext);
  if (!context) throw new Error('LocaleProvider is missing');
  return context;
}

/** The translate function for the current interface language. */
export function useT(): Translate {
  return useLocaleContext().t;
}

export function useLocale() {
  const { locale, setLocale } = useLocaleContext();
  return { locale, setLocale };
}
