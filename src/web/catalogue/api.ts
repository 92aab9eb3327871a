import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, type QueryParams } from '../http/client';
import type { Category, ForeignPart, ForeignPartSummary, Paginated, ProductType, ProductTypeSummary, SortOrder } from '../http/types';

export type ListQuery<S extends string> = QueryParams & {
  page: number;
  pageSize: number;
  sort?: S;
  order?: SortOrder;
};

export const PRODUCT_SORT_FIELDS = ['designation', 'updatedAt'] as const;
export type ProductSortField = (typeof PRODUCT_SORT_FIELDS)[number];

export const FOREIGN_PART_SORT_FIELDS = ['partNumber'] as const;
export type ForeignPartSortField = (typeof FOREIGN_PART_SORT_FIELDS)[number];

export type ProductTypeQuery = ListQuery<ProductSortField> & {
  q?: string;
  category?: string;
  maker?: string | number;
  country?: string;
  status?: string;
  qualityLevel?: string;
  hasAnalogs?: string;
};

export type ForeignPartQuery = ListQuery<ForeignPartSortField> & { q?: string; manufacturer?: string };

export function useCategories() {
  return useQuery({
    queryKey: ['categories'],
    queryFn: ({ signal }) => api<{ items: Category[] }>('/api/categories', { signal }),
    staleTime: 10 * 60_000,
  });
}

export function useProductTypes(query: ProductTypeQuery) {
  return useQuery({
    queryKey: ['product-types', query],
    queryFn: ({ signal }) => api<Paginated<ProductTypeSummary>>('/api/product-types', { query, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useProductType(id: string) {
  return useQuery({
    queryKey: ['product-type', id],
    queryFn: ({ signal }) => api<ProductType>(`/api/product-types/${encodeURIComponent(id)}`, { signal }),
  });
}

export function useForeignParts(query: ForeignPartQuery) {
  return useQuery({
    queryKey: ['foreign-parts', query],
    queryFn: ({ signal }) => api<Paginated<ForeignPartSummary>>('/api/foreign-parts', { query, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useForeignPart(id: string) {
  return useQuery({
    queryKey: ['foreign-part', id],
    queryFn: ({ signal }) => api<ForeignPart>(`/api/foreign-parts/${encodeURIComponent(id)}`, { signal }),
  });
}
