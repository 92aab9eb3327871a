import { Alert, Button, Center, Group, Loader, Stack, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ApiError } from '../http/client';
import { useT } from '../i18n';

export function PageLoader() {
  const t = useT();
  return (
    <Center py="xl" data-testid="loading">
      <Group gap="sm">
        <Loader size="sm" />
        <Text c="dimmed">{t('common.loading')}</Text>
      </Group>
    </Center>
  );
}

/** Shows the server's `message` (or the network error) with an optional retry. */
export function ErrorAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useT();
  const message = error instanceof Error ? error.message : String(error);
  return (
    <Alert color="red" variant="light" title={t('common.error')} data-testid="error">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{message}</Text>
        {onRetry && (
          <Button size="xs" variant="default" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}

type QueryContentProps<T> = {
  query: UseQueryResult<T>;
  children: (data: T) => ReactNode;
  /** Rendered instead of the error alert when the server answers 404. */
  notFound?: ReactNode;
};

/** Loading, error (404 aware) and data states of one query. */
export function QueryContent<T>({ query, children, notFound }: QueryContentProps<T>) {
  if (query.isPending) return <PageLoader />;
  if (query.isError) {
    if (notFound && query.error instanceof ApiError && query.error.status === 404) return <>{notFound}</>;
    return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  }
  return <>{children(query.data)}</>;
}
