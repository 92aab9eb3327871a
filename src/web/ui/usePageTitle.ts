import { useEffect } from 'react';
import { useT } from '../i18n';

/** `<title>`: "page — product name" (or just the product name). */
export function usePageTitle(title?: string | null) {
  const t = useT();
  const appName = t('app.name');
  useEffect(() => {
    document.title = title ? `${title} — ${appName}` : appName;
  }, [title, appName]);
}
