import { PRODUCT_SORT_FIELDS, useProductTypes } from '../catalogue/api';
import { ProductTable } from '../catalogue/ProductTable';
import { useT } from '../i18n';
import { PagedResult } from '../ui/PagedResult';
import { PAGE_SIZE, useListParams } from '../ui/useListParams';

const NO_FILTERS = [] as const;

/** Product types of one maker: paginated and sortable, page and sort kept in the URL. */
export function MakerProducts({ makerId }: { makerId: number }) {
  const t = useT();
  const list = useListParams(NO_FILTERS, PRODUCT_SORT_FIELDS);
  const query = useProductTypes({
    maker: makerId,
    page: list.page,
    pageSize: PAGE_SIZE,
    sort: list.sort,
    order: list.order,
  });
  return (
    <PagedResult query={query} page={list.page} onPage={list.setPage} emptyText={t('org.noProducts')}>
      {(items) => <ProductTable items={items} hideMaker sorting={{ sort: list.sort, order: list.order, onSort: list.toggleSort }} />}
    </PagedResult>
  );
}
