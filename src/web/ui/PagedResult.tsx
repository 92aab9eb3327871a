import { Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { Paginated } from '../http/types';
import { useT } from '../i18n';
import { ListFooter } from './ListFooter';
import { ErrorAlert, PageLoader } from './QueryStates';
import { PAGE_SIZE } from './useListParams';

type PagedResultProps<T> = {
  query: UseQueryResult<Paginated<T>>;
  page: number;
  onPage: (page: number) => void;
  /** Text for an empty list; "Nothing found" by default. */
  emptyText?: string;
  children: (items: T[]) => ReactNode;
};

/** Loading, error, empty and "table + pages" states of one server-paginated list. */
export function PagedResult<T>({ query, page, onPage, emptyText, children }: PagedResultProps<T>) {
  const t = useT();
  if (query.isPending) return <PageLoader />;
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  const { items, total, pageSize } = query.data;
  if (items.length === 0) {
    return (
      <Text c="dimmed" py="lg" data-testid="empty">
        {emptyText ?? t('common.nothingFound')}
      </Text>
    );
  }
  return (
    // Previous page stays visible, dimmed, while the next one loads.
    <div style={{ opacity: query.isPlaceholderData ? 0.6 : 1, transition: 'opacity 120ms' }}>
      {children(items)}
      <ListFooter page={page} pageSize={pageSize || PAGE_SIZE} total={total} onPage={onPage} />
    </div>
  );
}
