import { Anchor, Button, Group, SegmentedControl, Select, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useCurrentUser } from '../auth/api';
import { CategorySelect } from '../catalogue/CategorySelect';
import { useFormat, useT } from '../i18n';
import { CommitTextInput } from '../ui/CommitTextInput';
import { ListHeader } from '../ui/ListHeader';
import { PagedResult } from '../ui/PagedResult';
import { PAGE_SIZE, useListParams } from '../ui/useListParams';
import { usePageTitle } from '../ui/usePageTitle';
import { useDemands } from './api';
import { DemandStatusBadge, DemoBadge, VisibilityBadge } from './Badges';
import { ExchangeNav } from './ExchangeNav';
import { DEMAND_STATUSES, demandItem, demandStatusLabel, isMember } from './labels';
import { BuyerName } from './Parties';
import type { Demand } from './types';

const FILTERS = ['status', 'region', 'category', 'partNumber', 'scope'] as const;
const NO_SORT: readonly never[] = [];

/** `/exchange`: demand for imported items the viewer may see, newest first. */
export function DemandListPage() {
  const t = useT();
  usePageTitle(t('exchange.demands.title'));
  const user = useCurrentUser();
  const list = useListParams(FILTERS, NO_SORT);
  const { scope, ...filters } = list.filters;
  const query = useDemands({
    ...filters,
    mine: scope === 'mine' || undefined,
    matched: scope === 'matched' || undefined,
    page: list.page,
    pageSize: PAGE_SIZE,
  });

  return (
    <Stack gap="md">
      <ExchangeNav />
      <ListHeader title={t('exchange.demands.title')} total={query.data?.total} testId="demands-total" />
      <Text c="dimmed" size="sm">
        {t('exchange.demands.intro')}
      </Text>
      {isMember(user) && (
        <Group justify="space-between" data-print="hide">
          <SegmentedControl
            value={scope || 'all'}
            onChange={(value) => list.setFilters({ scope: value === 'all' ? null : value })}
            data={[
              { value: 'all', label: t('exchange.demands.scope.all') },
              { value: 'mine', label: t('exchange.demands.scope.mine') },
              { value: 'matched', label: t('exchange.demands.scope.matched') },
            ]}
            data-testid="demands-scope"
          />
          <Button component={Link} to="/exchange/demands/new" data-testid="demand-new-link">
            {t('exchange.nav.post')}
          </Button>
        </Group>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm" verticalSpacing="xs" data-testid="demand-filters">
        <CommitTextInput
          label={t('exchange.demand.partNumber')}
          value={filters.partNumber}
          onCommit={(partNumber) => list.setFilters({ partNumber })}
          data-testid="demands-filter-part"
        />
        <Select
          label={t('exchange.demand.status')}
          placeholder={t('common.all')}
          clearable
          data={DEMAND_STATUSES.map((value) => ({ value, label: demandStatusLabel(t, value) }))}
          value={filters.status || null}
          onChange={(status) => list.setFilters({ status })}
          data-testid="demands-filter-status"
        />
        <CommitTextInput
          label={t('exchange.demand.region')}
          placeholder="BY-MI, RU-MOW"
          value={filters.region}
          onCommit={(region) => list.setFilters({ region: region.toUpperCase() })}
          data-testid="demands-filter-region"
        />
        <Group align="flex-end" gap="sm" wrap="nowrap">
          <div style={{ flex: 1 }}>
            <CategorySelect value={filters.category} onChange={(category) => list.setFilters({ category })} />
          </div>
          {list.hasFilters && (
            <Button variant="subtle" onClick={list.resetFilters}>
              {t('common.resetFilters')}
            </Button>
          )}
        </Group>
      </SimpleGrid>
      <PagedResult query={query} page={list.page} onPage={list.setPage} emptyText={t('exchange.demands.empty')}>
        {(items) => <DemandTable items={items} />}
      </PagedResult>
    </Stack>
  );
}

function DemandTable({ items }: { items: Demand[] }) {
  const t = useT();
  const format = useFormat();
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped highlightOnHover data-testid="demand-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('exchange.demand.item')}</Table.Th>
            <Table.Th ta="right">{t('exchange.demand.quantityPerYear')}</Table.Th>
            <Table.Th>{t('exchange.demand.neededBy')}</Table.Th>
            <Table.Th>{t('exchange.demand.region')}</Table.Th>
            <Table.Th>{t('exchange.demand.buyer')}</Table.Th>
            <Table.Th>{t('exchange.demand.status')}</Table.Th>
            <Table.Th ta="right">{t('exchange.demand.offers')}</Table.Th>
            <Table.Th>{t('exchange.demand.posted')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((d) => (
            <Table.Tr key={d.id} data-testid="demand-row" data-id={d.id}>
              <Table.Td>
                <Anchor component={Link} to={`/exchange/demands/${d.id}`} fw={500} data-testid="demand-row-link" style={{ overflowWrap: 'anywhere' }}>
                  {demandItem(d)}
                </Anchor>
                {d.partNumber && d.description && (
                  <Text size="xs" c="dimmed" lineClamp={1}>
                    {d.description}
                  </Text>
                )}
              </Table.Td>
              <Table.Td ta="right">{format.number(d.quantityPerYear)}</Table.Td>
              <Table.Td>{format.date(d.neededBy)}</Table.Td>
              <Table.Td>{d.region}</Table.Td>
              <Table.Td>
                <BuyerName demand={d} />
              </Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  <DemandStatusBadge status={d.status} />
                  {d.visibility !== 'public' && <VisibilityBadge visibility={d.visibility} />}
                  {d.demo && <DemoBadge />}
                </Group>
              </Table.Td>
              <Table.Td ta="right">{format.number(d.offerCount)}</Table.Td>
              <Table.Td>{format.date(d.createdAt)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
