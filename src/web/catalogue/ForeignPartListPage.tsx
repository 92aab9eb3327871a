import { Anchor, Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { ForeignPartSummary, SortOrder } from '../http/types';
import { useFormat, useT } from '../i18n';
import { CommitTextInput } from '../ui/CommitTextInput';
import { ListHeader } from '../ui/ListHeader';
import { PagedResult } from '../ui/PagedResult';
import { SortableTh } from '../ui/SortableTh';
import { Dash } from '../ui/SourceText';
import { PAGE_SIZE, useListParams } from '../ui/useListParams';
import { usePageTitle } from '../ui/usePageTitle';
import { FOREIGN_PART_SORT_FIELDS, useForeignParts, type ForeignPartSortField } from './api';

const FOREIGN_PART_FILTERS = ['q', 'manufacturer'] as const;

export function ForeignPartListPage() {
  const t = useT();
  usePageTitle(t('foreignParts.title'));
  const list = useListParams(FOREIGN_PART_FILTERS, FOREIGN_PART_SORT_FIELDS);
  const query = useForeignParts({
    ...list.filters,
    page: list.page,
    pageSize: PAGE_SIZE,
    sort: list.sort,
    order: list.order,
  });

  return (
    <Stack gap="md">
      <ListHeader title={t('foreignParts.title')} total={query.data?.total} testId="foreign-parts-total" />
      <Group align="flex-end" wrap="wrap">
        <CommitTextInput
          label={t('foreignParts.filter.q')}
          placeholder={t('foreignParts.filter.qPlaceholder')}
          value={list.filters.q}
          onCommit={(q) => list.setFilters({ q })}
          data-testid="foreign-parts-filter-q"
          w={320}
        />
        <CommitTextInput
          label={t('foreignParts.filter.manufacturer')}
          placeholder={t('foreignParts.filter.manufacturerPlaceholder')}
          value={list.filters.manufacturer}
          onCommit={(manufacturer) => list.setFilters({ manufacturer })}
          data-testid="foreign-parts-filter-manufacturer"
          w={280}
        />
        {list.hasFilters && (
          <Button variant="subtle" onClick={list.resetFilters}>
            {t('common.resetFilters')}
          </Button>
        )}
      </Group>
      <PagedResult query={query} page={list.page} onPage={list.setPage}>
        {(items) => <ForeignPartTable items={items} sort={list.sort} order={list.order} onSort={list.toggleSort} />}
      </PagedResult>
    </Stack>
  );
}

type ForeignPartTableProps = {
  items: ForeignPartSummary[];
  sort: ForeignPartSortField | undefined;
  order: SortOrder | undefined;
  onSort: (field: ForeignPartSortField) => void;
};

function ForeignPartTable({ items, sort, order, onSort }: ForeignPartTableProps) {
  const t = useT();
  const format = useFormat();
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table highlightOnHover verticalSpacing="xs" data-testid="foreign-part-table">
        <Table.Thead>
          <Table.Tr>
            <SortableTh field="partNumber" label={t('foreignPart.partNumber')} sort={sort} order={order} onSort={onSort} />
            <Table.Th>{t('foreignPart.manufacturer')}</Table.Th>
            <Table.Th>{t('foreignPart.description')}</Table.Th>
            <Table.Th ta="right">{t('foreignPart.analogCount')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr key={item.id} data-testid="foreign-part-row">
              <Table.Td>
                <Anchor component={Link} to={`/foreign-parts/${item.id}`} fw={600} ff="monospace">
                  {item.partNumber}
                </Anchor>
              </Table.Td>
              <Table.Td>{item.manufacturer ?? <Dash />}</Table.Td>
              <Table.Td maw={420}>
                {item.description ? (
                  <Text size="sm" lineClamp={2}>
                    {item.description}
                  </Text>
                ) : (
                  <Dash />
                )}
              </Table.Td>
              <Table.Td ta="right">
                <Badge variant={item.analogCount > 0 ? 'light' : 'default'} color={item.analogCount > 0 ? 'blue' : 'gray'}>
                  {format.number(item.analogCount)}
                </Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
