import { Paper, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useStats } from '../http/general';
import type { Stats } from '../http/types';
import { useFormat, useT, type MessageKey } from '../i18n';
import { ErrorAlert } from '../ui/QueryStates';

const STATS: { key: keyof Stats; label: MessageKey; to: string }[] = [
  { key: 'productTypes', label: 'stats.productTypes', to: '/products' },
  { key: 'foreignParts', label: 'stats.foreignParts', to: '/foreign-parts' },
  { key: 'analogLinks', label: 'stats.analogLinks', to: '/products?hasAnalogs=true' },
  { key: 'organizations', label: 'stats.organizations', to: '/organizations' },
];

export function StatsCards() {
  const t = useT();
  const format = useFormat();
  const stats = useStats();
  return (
    <Stack gap="sm">
      <Title order={2} size="h3">
        {t('stats.title')}
      </Title>
      {stats.isError ? (
        <ErrorAlert error={stats.error} onRetry={() => void stats.refetch()} />
      ) : (
        <SimpleGrid cols={{ base: 2, md: 4 }} data-testid="stats">
          {STATS.map(({ key, label, to }) => (
            <Paper
              key={key}
              component={Link}
              to={to}
              withBorder
              p="md"
              radius="md"
              data-testid={`stat-${key}`}
              style={{ color: 'inherit', textDecoration: 'none' }}
            >
              {stats.data ? (
                <Text fz={28} fw={700} lh={1.2}>
                  {format.number(stats.data[key])}
                </Text>
              ) : (
                <Skeleton height={34} width="60%" />
              )}
              <Text size="sm" c="dimmed">
                {t(label)}
              </Text>
            </Paper>
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}
