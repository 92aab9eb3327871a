import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../http/client';
import type { Paginated } from '../http/types';

export type AuditEvent = {
  id: number;
  at: string;
  actor: { userId: number | null; email: string | null; role: string | null; country: string | null; via: string | null };
  action: string;
  entity: string;
  entityId: string | null;
  url: string | null;
  statusCode: number | null;
  request: unknown;
  before: unknown;
  after: unknown;
  ip: string | null;
};

export type AuditFilters = { entity: string; actorUserId: string; refused: string; from: string; to: string };

export function useAuditTrail(page: number, filters: AuditFilters) {
  const query = Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== ''));
  return useQuery({
    queryKey: ['audit', page, query],
    queryFn: ({ signal }) => api<Paginated<AuditEvent>>('/api/audit', { query: { ...query, page, pageSize: 25 }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useAuditFacets() {
  return useQuery({
    queryKey: ['audit', 'facets'],
    queryFn: ({ signal }) => api<{ entities: string[]; actors: { id: number; email: string }[] }>('/api/audit/facets', { signal }),
  });
}
