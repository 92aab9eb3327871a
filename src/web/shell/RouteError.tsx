import { Button, Container, Stack, Text, Title } from '@mantine/core';
import { isRouteErrorResponse, useRouteError } from 'react-router';
import { useT } from '../i18n';
import { NotFound } from '../ui/NotFound';

/** Last-resort error screen for a page that crashed while rendering. */
export function RouteError() {
  const t = useT();
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) {
    return (
      <Container py="xl">
        <NotFound />
      </Container>
    );
  }
  const message = error instanceof Error ? error.message : String(error);
  return (
    <Container py="xl">
      <Stack align="flex-start">
        <Title order={1}>{t('common.error')}</Title>
        <Text c="dimmed">{message}</Text>
        <Button onClick={() => window.location.reload()}>{t('common.retry')}</Button>
      </Stack>
    </Container>
  );
}
