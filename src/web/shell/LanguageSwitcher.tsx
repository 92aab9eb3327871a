import { SegmentedControl } from '@mantine/core';
import { LOCALES, isLocale, useLocale, useT } from '../i18n';

/** ru / be / en, each language named in itself; the choice is remembered. */
export function LanguageSwitcher({ withTestId }: { withTestId?: boolean }) {
  const t = useT();
  const { locale, setLocale } = useLocale();
  return (
    <SegmentedControl
      size="xs"
      value={locale}
      onChange={(value) => {
        if (isLocale(value)) setLocale(value);
      }}
      data={LOCALES}
      aria-label={t('language.label')}
      data-testid={withTestId ? 'language-switcher' : undefined}
    />
  );
}
