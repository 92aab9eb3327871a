import { Text, UnstyledButton } from '@mantine/core';
import { Link } from 'react-router';
import { useT } from '../i18n';

/** Product name, links home. */
export function Brand() {
  const t = useT();
  return (
    <UnstyledButton component={Link} to="/" data-testid="brand">
      <Text fw={800} fz="lg" c="blue.8" style={{ whiteSpace: 'nowrap' }}>
        {t('app.name')}
      </Text>
    </UnstyledButton>
  );
}
