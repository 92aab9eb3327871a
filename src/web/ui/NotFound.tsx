import { Button, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useT } from '../i18n';
import { usePageTitle } from './usePageTitle';

/** "Nothing here" panel: the 404 route and records the server does not know. */
export function NotFound({ message }: { message?: string }) {
  const t = useT();
  usePageTitle(t('notFound.title'));
  return (
    <Stack align="flex-start" py="xl" data-testid="not-found">
      <Title order={1}>{t('notFound.title')}</Title>
      <Text c="dimmed">{message ?? t('notFound.text')}</Text>
      <Button component={Link} to="/" variant="light">
        {t('notFound.home')}
      </Button>
    </Stack>
  );
}
