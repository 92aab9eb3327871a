import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../http/client';
import type { Organization, OrganizationSummary, Paginated } from '../http/types';
import type { ListQuery } from '../catalogue/api';

export const ORGANIZATION_SORT_FIELDS = ['name'] as const;
export type OrganizationSortField = (typeof ORGANIZATION_SORT_FIELDS)[number];

export type OrganizationQuery = ListQuery<OrganizationSortField> & { q?: string; country?: string };

export function useOrganizations(query: OrganizationQuery) {
  return useQuery({
    queryKey: ['organizations', query],
    queryFn: ({ signal }) => api<Paginated<OrganizationSummary>>('/api/organizations', { query, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useOrganization(id: string) {
  return useQuery({
    queryKey: ['organization', id],
    queryFn: ({ signal }) => api<Organization>(`/api/organizations/${encodeURIComponent(id)}`, { signal }),
  });
}
