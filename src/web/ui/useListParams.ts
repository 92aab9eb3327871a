import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { SortOrder } from '../http/types';

export const PAGE_SIZE = 25;

type ListParams<F extends string, S extends string> = {
  page: number;
  sort: S | undefined;
  order: SortOrder | undefined;
  filters: Record<F, string>;
  /** Set (or clear with '' / null) some filters; goes back to page 1. */
  setFilters: (changes: Partial<Record<F, string | null>>) => void;
  setPage: (page: number) => void;
  /** Click on a sortable column: new column sorts ascending, same column flips the order. */
  toggleSort: (field: S) => void;
  resetFilters: () => void;
  hasFilters: boolean;
};

/**
 * List state kept in the URL query string, so every view of a list is a shareable link:
 * the given filter names plus `page`, `sort` and `order`.
 * Pass module-level constant arrays for `filterNames` and `sortFields`.
 */
export function useListParams<F extends string, S extends string>(filterNames: readonly F[], sortFields: readonly S[]): ListParams<F, S> {
  const [params, setParams] = useSearchParams();

  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  const sortParam = params.get('sort');
  const sort = sortFields.find((field) => field === sortParam);
  const orderParam = params.get('order');
  const order: SortOrder | undefined = orderParam === 'asc' || orderParam === 'desc' ? orderParam : undefined;

  const filters = useMemo(() => {
    const values = {} as Record<F, string>;
    for (const name of filterNames) values[name] = params.get(name) ?? '';
    return values;
  }, [params, filterNames]);

  const update = useCallback(
    (change: (next: URLSearchParams) => void) => {
      // Start from the address bar, not from the last render: React Router applies navigations
      // in a transition, and a click landing before that re-render must not undo the previous one.
      const next = new URLSearchParams(window.location.search);
      change(next);
      setParams(next);
    },
    [setParams],
  );

  const setFilters = useCallback(
    (changes: Partial<Record<F, string | null>>) =>
      update((next) => {
        for (const [name, value] of Object.entries(changes) as [F, string | null | undefined][]) {
          if (value) next.set(name, value);
          else next.delete(name);
        }
        next.delete('page');
      }),
    [update],
  );

  const setPage = useCallback(
    (nextPage: number) =>
      update((next) => {
        if (nextPage > 1) next.set('page', String(nextPage));
        else next.delete('page');
      }),
    [update],
  );

  const toggleSort = useCallback(
    (field: S) =>
      update((next) => {
        const flip = next.get('sort') === field && next.get('order') !== 'desc';
        next.set('sort', field);
        next.set('order', flip ? 'desc' : 'asc');
        next.delete('page');
      }),
    [update],
  );

  const resetFilters = useCallback(
    () =>
      update((next) => {
        for (const name of filterNames) next.delete(name);
        next.delete('page');
      }),
    [update, filterNames],
  );

  const hasFilters = filterNames.some((name) => filters[name] !== '');

  return { page, sort, order, filters, setFilters, setPage, toggleSort, resetFilters, hasFilters };
}
