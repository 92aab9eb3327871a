import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { SearchKind } from '../http/types';

export const FACET_NAMES = ['category', 'country', 'maker', 'package', 'qualityLevel', 'registryStatus'] as const;
export type FacetName = (typeof FACET_NAMES)[number];

const KINDS: SearchKind[] = ['all', 'productTypes', 'foreignParts', 'organizations'];
export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 100;

export type SearchState = {
  q: string;
  kind: SearchKind;
  limit: number;
  /** One value per facet, '' when not set. */
  filters: Record<FacetName, string>;
  /** Parametric conditions as typed, one `param` each. */
  params: string[];
  setFilter: (name: FacetName, value: string | null) => void;
  setParams: (params: string[]) => void;
  /** A single section (with more hits) or back to all of them. */
  setKind: (kind: SearchKind, limit?: number) => void;
  clearFilters: () => void;
  hasFilters: boolean;
};

/** The whole state of the results page lives in the query string: `q`, `kind`, `limit`, the facets and repeated `param`s. */
export function useSearchState(): SearchState {
  const [search, setSearch] = useSearchParams();

  const q = (search.get('q') ?? '').trim();
  const kindParam = search.get('kind');
  const kind = KINDS.find((value) => value === kindParam) ?? 'all';
  const limitParam = Number.parseInt(search.get('limit') ?? '', 10);
  const limit = Number.isFinite(limitParam) && limitParam > 0 ? Math.min(limitParam, MAX_LIMIT) : DEFAULT_LIMIT;
  const filters = useMemo(() => {
    const values = {} as Record<FacetName, string>;
    for (const name of FACET_NAMES) values[name] = search.get(name) ?? '';
    return values;
  }, [search]);
  const paramsKey = search.getAll('param').join('\n');
  const params = useMemo(() => (paramsKey ? paramsKey.split('\n') : []), [paramsKey]);

  const update = useCallback(
    (change: (next: URLSearchParams) => void) => {
      // From the address bar, not the last render: a second click before the re-render must not undo the first.
      const next = new URLSearchParams(window.location.search);
      change(next);
      setSearch(next);
    },
    [setSearch],
  );

  const setFilter = useCallback(
    (name: FacetName, value: string | null) =>
      update((next) => {
        if (value) next.set(name, value);
        else next.delete(name);
      }),
    [update],
  );

  const setParams = useCallback(
    (values: string[]) =>
      update((next) => {
        next.delete('param');
        for (const value of values) if (value.trim()) next.append('param', value.trim());
      }),
    [update],
  );

  const setKind = useCallback(
    (nextKind: SearchKind, nextLimit?: number) =>
      update((next) => {
        if (nextKind === 'all') next.delete('kind');
        else next.set('kind', nextKind);
        if (nextLimit && nextLimit !== DEFAULT_LIMIT) next.set('limit', String(Math.min(nextLimit, MAX_LIMIT)));
        else next.delete('limit');
      }),
    [update],
  );

  const clearFilters = useCallback(
    () =>
      update((next) => {
        for (const name of FACET_NAMES) next.delete(name);
        next.delete('param');
      }),
    [update],
  );

  const hasFilters = params.length > 0 || FACET_NAMES.some((name) => filters[name] !== '');

  return { q, kind, limit, filters, params, setFilter, setParams, setKind, clearFilters, hasFilters };
}
