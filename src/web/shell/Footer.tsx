import { Container, Group, Text } from '@mantine/core';
import { useConfig } from '../http/general';
import { useT } from '../i18n';

export function Footer() {
  const t = useT();
  const config = useConfig();
  return (
    <Container size="xl" w="100%" component="footer" py="md" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
      <Group justify="space-between">
        <Text size="xs" c="dimmed">
          {t('app.name')} — {t('app.tagline')}
        </Text>
        {config.data?.version && (
          <Text size="xs" c="dimmed" data-testid="app-version">
            {t('app.version', { version: config.data.version })}
          </Text>
        )}
      </Group>
    </Container>
  );
}
