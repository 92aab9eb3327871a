import { Anchor, Badge, Button, Group, Select, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { OrganizationSummary, SortOrder } from '../http/types';
import { MAKER_COUNTRIES } from '../catalogue/labels';
import { useFormat, useT } from '../i18n';
import { CommitTextInput } from '../ui/CommitTextInput';
import { ListHeader } from '../ui/ListHeader';
import { PagedResult } from '../ui/PagedResult';
import { SortableTh } from '../ui/SortableTh';
import { Dash } from '../ui/SourceText';
import { PAGE_SIZE, useListParams } from '../ui/useListParams';
import { usePageTitle } from '../ui/usePageTitle';
import { ORGANIZATION_SORT_FIELDS, useOrganizations, type OrganizationSortField } from './api';
import { RegistrationNumbers } from './RegistrationNumbers';
import { WebsiteLink } from './WebsiteLink';

const ORGANIZATION_FILTERS = ['q', 'country'] as const;

export function OrganizationListPage() {
  const t = useT();
  const format = useFormat();
  usePageTitle(t('organizations.title'));
  const list = useListParams(ORGANIZATION_FILTERS, ORGANIZATION_SORT_FIELDS);
  const query = useOrganizations({
    ...list.filters,
    page: list.page,
    pageSize: PAGE_SIZE,
    sort: list.sort,
    order: list.order,
  });
  const countries = list.filters.country && !MAKER_COUNTRIES.includes(list.filters.country) ? [...MAKER_COUNTRIES, list.filters.country] : MAKER_COUNTRIES;

  return (
    <Stack gap="md">
      <ListHeader title={t('organizations.title')} total={query.data?.total} testId="organizations-total" />
      <Group align="flex-end" wrap="wrap">
        <CommitTextInput
          label={t('organizations.filter.q')}
          placeholder={t('organizations.filter.qPlaceholder')}
          value={list.filters.q}
          onCommit={(q) => list.setFilters({ q })}
          data-testid="organizations-filter-q"
          w={320}
        />
        <Select
          label={t('organizations.filter.country')}
          placeholder={t('common.all')}
          clearable
          data={countries.map((value) => ({ value, label: format.country(value) }))}
          value={list.filters.country || null}
          onChange={(country) => list.setFilters({ country })}
          data-testid="organizations-filter-country"
          w={220}
        />
        {list.hasFilters && (
          <Button variant="subtle" onClick={list.resetFilters}>
            {t('common.resetFilters')}
          </Button>
        )}
      </Group>
      <PagedResult query={query} page={list.page} onPage={list.setPage}>
        {(items) => <OrganizationTable items={items} sort={list.sort} order={list.order} onSort={list.toggleSort} />}
      </PagedResult>
    </Stack>
  );
}

type OrganizationTableProps = {
  items: OrganizationSummary[];
  sort: OrganizationSortField | undefined;
  order: SortOrder | undefined;
  onSort: (field: OrganizationSortField) => void;
};

function OrganizationTable({ items, sort, order, onSort }: OrganizationTableProps) {
  const t = useT();
  const format = useFormat();
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table highlightOnHover verticalSpacing="xs" data-testid="organization-table">
        <Table.Thead>
          <Table.Tr>
            <SortableTh field="name" label={t('org.name')} sort={sort} order={order} onSort={onSort} />
            <Table.Th>{t('org.country')}</Table.Th>
            <Table.Th>{t('org.region')}</Table.Th>
            <Table.Th>
              {t('org.unp')} / {t('org.inn')}
            </Table.Th>
            <Table.Th>{t('org.website')}</Table.Th>
            <Table.Th ta="right">{t('org.productCount')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((org) => (
            <Table.Tr key={org.id} data-testid="organization-row">
              <Table.Td>
                <Anchor component={Link} to={`/organizations/${org.id}`} fw={600}>
                  {org.shortName || org.name}
                </Anchor>
                {org.shortName && org.shortName !== org.name && (
                  <Text size="xs" c="dimmed" lineClamp={1}>
                    {org.name}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{org.country ? format.country(org.country) : <Dash />}</Table.Td>
              <Table.Td>{org.region ?? <Dash />}</Table.Td>
              <Table.Td>
                <RegistrationNumbers org={org} compact />
              </Table.Td>
              <Table.Td>{org.website ? <WebsiteLink url={org.website} /> : <Dash />}</Table.Td>
              <Table.Td ta="right">
                <Badge variant="light" color={org.productCount > 0 ? 'blue' : 'gray'}>
                  {format.number(org.productCount)}
                </Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
