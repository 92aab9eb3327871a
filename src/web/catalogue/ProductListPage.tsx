import { Stack } from '@mantine/core';
import { useT } from '../i18n';
import { ListHeader } from '../ui/ListHeader';
import { PagedResult } from '../ui/PagedResult';
import { PAGE_SIZE, useListParams } from '../ui/useListParams';
import { usePageTitle } from '../ui/usePageTitle';
import { PRODUCT_SORT_FIELDS, useProductTypes } from './api';
import { PRODUCT_FILTERS, ProductFilters } from './ProductFilters';
import { ProductTable } from './ProductTable';

export function ProductListPage() {
  const t = useT();
  usePageTitle(t('products.title'));
  const list = useListParams(PRODUCT_FILTERS, PRODUCT_SORT_FIELDS);
  const query = useProductTypes({
    ...list.filters,
    page: list.page,
    pageSize: PAGE_SIZE,
    sort: list.sort,
    order: list.order,
  });

  return (
    <Stack gap="md">
      <ListHeader title={t('products.title')} total={query.data?.total} testId="products-total" />
      <ProductFilters filters={list.filters} onChange={list.setFilters} onReset={list.resetFilters} hasFilters={list.hasFilters} />
      <PagedResult query={query} page={list.page} onPage={list.setPage}>
        {(items) => <ProductTable items={items} sorting={{ sort: list.sort, order: list.order, onSort: list.toggleSort }} />}
      </PagedResult>
    </Stack>
  );
}
