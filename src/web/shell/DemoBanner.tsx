import { Alert } from '@mantine/core';
import { useConfig } from '../http/general';
import { useT } from '../i18n';

/** Shown on every page while the server runs with unverified demonstration data. */
export function DemoBanner() {
  const t = useT();
  const config = useConfig();
  if (!config.data?.demo) return null;
  return (
    <Alert color="yellow" variant="light" radius={0} py="xs" role="status" data-testid="demo-banner">
      {t('app.demoBanner')}
    </Alert>
  );
}
