import { Anchor, Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import type { User } from '../http/types';
import { useFormat, useT } from '../i18n';
import { ListFooter } from '../ui/ListFooter';
import { ErrorAlert, PageLoader } from '../ui/QueryStates';
import { BOM_ANALYSES_PAGE_SIZE, useBomAnalyses, useDeleteAnalysis } from './api';
import { BomError } from './BomFeedback';
import { percent } from './labels';

/** The signed-in user's earlier analyses; a guest is told that only the link keeps an analysis. */
export function BomHistory({ user, loading }: { user: User | null; loading: boolean }) {
  const t = useT();
  const format = useFormat();
  const [page, setPage] = useState(1);
  const query = useBomAnalyses(page, user !== null);
  const remove = useDeleteAnalysis();

  if (loading) return null;
  if (!user) {
    return (
      <Text size="sm" c="dimmed" data-testid="bom-history-guest">
        {t('bom.history.signIn')}
      </Text>
    );
  }

  return (
    <Stack gap="sm" component="section" aria-labelledby="bom-history-title" data-testid="bom-history">
      <Title order={2} size="h3" id="bom-history-title">
        {t('bom.history.title')}
      </Title>
      {remove.isError && <BomError error={remove.error} onClose={() => remove.reset()} />}
      {query.isPending ? (
        <PageLoader />
      ) : query.isError ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.items.length === 0 ? (
        <Text c="dimmed" data-testid="bom-history-empty">
          {t('bom.history.empty')}
        </Text>
      ) : (
        <div style={{ opacity: query.isPlaceholderData ? 0.6 : 1 }}>
          <Table.ScrollContainer minWidth={720}>
            <Table highlightOnHover verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('bom.history.name')}</Table.Th>
                  <Table.Th ta="right">{t('bom.history.lines')}</Table.Th>
                  <Table.Th ta="right">{t('bom.history.coverage')}</Table.Th>
                  <Table.Th>{t('bom.history.runAt')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {query.data.items.map((item) => (
                  <Table.Tr key={item.id} data-testid="bom-analysis-row" data-id={item.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/bom/${item.id}`} fw={600} style={{ overflowWrap: 'anywhere' }}>
                        {item.name}
                      </Anchor>
                    </Table.Td>
                    <Table.Td ta="right">{format.number(item.lineCount)}</Table.Td>
                    <Table.Td ta="right">
                      <Badge variant="light" color={item.summary.coverage.byLines.full >= 0.5 ? 'green' : 'gray'}>
                        {percent(format.intl, item.summary.coverage.byLines.full)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={6}>
                        <Text size="sm">{format.dateTime(item.runAt)}</Text>
                        {item.revision > 1 && (
                          <Text size="xs" c="dimmed">
                            {t('bom.result.revision', { revision: item.revision })}
                          </Text>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td ta="right">
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        color="red"
                        loading={remove.isPending && remove.variables === item.id}
                        onClick={() => {
                          if (window.confirm(t('bom.history.deleteConfirm', { name: item.name }))) remove.mutate(item.id);
                        }}
                        data-testid="bom-delete"
                      >
                        {t('bom.history.delete')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <ListFooter page={page} pageSize={query.data.pageSize || BOM_ANALYSES_PAGE_SIZE} total={query.data.total} onPage={setPage} />
        </div>
      )}
    </Stack>
  );
}
