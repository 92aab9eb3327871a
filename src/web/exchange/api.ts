/** Queries and mutations of the demand exchange; every mutation refreshes the exchange's cached answers. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, toQueryString, type QueryParams } from '../http/client';
import type { Paginated } from '../http/types';
import type {
  BomDemands,
  BomDemandsResult,
  Contract,
  Dashboard,
  Demand,
  DemandDetail,
  DemandFields,
  Inbox,
  NewDemand,
  NewOffer,
  NewRate,
  NewTie,
  Offer,
  Programme,
  ProgrammeInput,
  Rate,
  Tie,
  TieGraph,
  Webhook,
  WebhookDelivery,
} from './types';

export type DemandListQuery = QueryParams & {
  page: number;
  pageSize: number;
  status?: string;
  region?: string;
  category?: string;
  partNumber?: string;
  mine?: boolean;
  matched?: boolean;
};

const EXCHANGE = 'exchange';

export function useDemands(query: DemandListQuery) {
  return useQuery({
    queryKey: [EXCHANGE, 'demands', query],
    queryFn: ({ signal }) => api<Paginated<Demand>>('/api/demands', { query, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useDemand(id: string) {
  return useQuery({
    queryKey: [EXCHANGE, 'demand', id],
    queryFn: ({ signal }) => api<DemandDetail>(`/api/demands/${encodeURIComponent(id)}`, { signal }),
  });
}

export function useDemandOffers(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [EXCHANGE, 'demand', id, 'offers'],
    queryFn: ({ signal }) => api<Offer[]>(`/api/demands/${encodeURIComponent(id)}/offers`, { signal }),
    enabled,
  });
}

export function useContracts(page: number, pageSize: number) {
  return useQuery({
    queryKey: [EXCHANGE, 'contracts', page, pageSize],
    queryFn: ({ signal }) => api<Paginated<Contract>>('/api/contracts', { query: { page, pageSize }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useContract(id: string) {
  return useQuery({
    queryKey: [EXCHANGE, 'contract', id],
    queryFn: ({ signal }) => api<Contract>(`/api/contracts/${encodeURIComponent(id)}`, { signal }),
  });
}

const inboxKey = [EXCHANGE, 'inbox'];

export function useInbox(page: number, pageSize: number, unread: boolean) {
  return useQuery({
    queryKey: [...inboxKey, page, pageSize, unread],
    queryFn: ({ signal }) => api<Inbox>('/api/inbox', { query: { page, pageSize, unread: unread || undefined }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** Unread notifications of the signed-in user's organizations, for the header; refreshed every minute. */
export function useUnreadCount(enabled: boolean) {
  const query = useQuery({
    queryKey: [...inboxKey, 'unread'],
    queryFn: ({ signal }) => api<Inbox>('/api/inbox', { query: { page: 1, pageSize: 1, unread: true }, signal }),
    enabled,
    refetchInterval: 60_000,
  });
  return enabled ? (query.data?.unread ?? 0) : 0;
}

function useRefreshExchange() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: [EXCHANGE] });
}

export function useMarkRead() {
  const refresh = useRefreshExchange();
  return useMutation({
    mutationFn: (id: number) => api<void>(`/api/inbox/${id}/read`, { method: 'POST' }),
    onSettled: refresh,
  });
}

/** Every unread notification of the user's organizations, in one request. */
export function useMarkAllRead() {
  const refresh = useRefreshExchange();
  return useMutation({
    mutationFn: () => api<{ marked: number }>('/api/inbox/read-all', { method: 'POST' }),
    onSettled: refresh,
  });
}

export function useCreateDemand() {
  const refresh = useRefreshExchange();
  return useMutation({
    mutationFn: (body: NewDemand) => api<DemandDetail>('/api/demands', { method: 'POST', body }),
    onSuccess: refresh,
  });
}

export function useUpdateDemand(id: number) {
  const refresh = useRefreshExchange();
  return useMutation({
    mutationFn: (body: DemandFields) => api<DemandDetail>(`/api/demands/${id}`, { method: 'PUT', body }),
    onSuccess: refresh,
  });
}

export function useCloseDemand(id: number) {
  const refresh = useRefreshExchange();
  return useMutation({
    mutationFn: () => api<DemandDetail>(`/api/demands/${id}/close`, { method: 'POST' }),
    onSuccess: refresh,
  });
}

export function useDemandsFromBom(analysisId: string) {
  const refresh = useRefreshExchange();
  return useMutation({
    mutationFn: (body: BomDemands) => api<BomDemandsResult>(`/api/bom/analyses/${encodeURIComponent(analysisId)}/demands`, { method: 'POST', body }),
    onSuccess: refresh,
  });
}

export function useCreateOffer(demandId: number) {
  const refresh = useRefreshExchange();
  return useMutation({
    mutationFn: (body: NewOffer) => api<Offer>(`/api/demands/${demandId}/offers`, { method: 'POST', body }),
    onSuccess: refresh,
  });
}

export type OfferDecision = { offerId: number } & (
  { action: 'accept'; volume?: number; sum?: number; contractDate?: string } | { action: 'decline'; reason?: string } | { action: 'withdraw' }
);

export function useDecideOffer() {
  const refresh = useRefreshExchange();
  return useMutation({
    mutationFn: (decision: OfferDecision) => {
      const path = `/api/offers/${decision.offerId}/${decision.action}`;
      if (decision.action === 'accept') {
        const { volume, sum, contractDate } = decision;
        return api<Contract | Offer>(path, { method: 'POST', body: { volume, sum, contractDate } });
      }
      if (decision.action === 'decline') return api<Offer>(path, { method: 'POST', body: decision.reason ? { reason: decision.reason } : {} });
      return api<Offer>(path, { method: 'POST' });
    },
    onSuccess: refresh,
  });
}

export function useWebhook(organizationId: number | null) {
  return useQuery({
    queryKey: [EXCHANGE, 'webhook', organizationId],
    queryFn: ({ signal }) => api<Webhook>(`/api/organizations/${organizationId}/webhook`, { signal }),
    enabled: organizationId !== null,
  });
}

export function useSaveWebhook(organizationId: number | null) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { url: string; secret?: string; active: boolean }) =>
      api<Webhook>(`/api/organizations/${organizationId}/webhook`, { method: 'PUT', body }),
    onSuccess: (hook) => {
      const { secret: _shownOnce, ...kept } = hook;
      client.setQueryData([EXCHANGE, 'webhook', organizationId], kept);
    },
  });
}

export function useDeliveries(organizationId: number | null, page: number, pageSize: number, status: string) {
  return useQuery({
    queryKey: [EXCHANGE, 'webhook', organizationId, 'deliveries', page, pageSize, status],
    queryFn: ({ signal }) =>
      api<Paginated<WebhookDelivery>>(`/api/organizations/${organizationId}/webhook/deliveries`, {
        query: { page, pageSize, status: status || undefined },
        signal,
      }),
    enabled: organizationId !== null,
    placeholderData: keepPreviousData,
    // the server's worker sends and retries in the background: keep the log current while it is open
    refetchInterval: 10_000,
  });
}

// cooperation ties

export function useTies(organizationId: string) {
  return useQuery({
    queryKey: [EXCHANGE, 'ties', organizationId],
    queryFn: ({ signal }) => api<{ items: Tie[] }>(`/api/organizations/${encodeURIComponent(organizationId)}/ties`, { signal }),
  });
}

export function useOrganizationGraph(organizationId: string) {
  return useQuery({
    queryKey: [EXCHANGE, 'ties', organizationId, 'graph'],
    queryFn: ({ signal }) => api<TieGraph>(`/api/organizations/${encodeURIComponent(organizationId)}/ties/graph`, { signal }),
  });
}

export function useScopeGraph(scope: { region?: string; country?: string }) {
  return useQuery({
    queryKey: [EXCHANGE, 'ties', 'graph', scope],
    queryFn: ({ signal }) => api<TieGraph>('/api/ties/graph', { query: scope, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useCreateTie() {
  const refresh = useRefreshExchange();
  return useMutation({ mutationFn: (body: NewTie) => api<Tie>('/api/ties', { method: 'POST', body }), onSuccess: refresh });
}

export function useDeleteTie() {
  const refresh = useRefreshExchange();
  return useMutation({ mutationFn: (id: number) => api<void>(`/api/ties/${id}`, { method: 'DELETE' }), onSuccess: refresh });
}

// state-support programmes

export type ProgrammeFilters = { state?: string; year?: string };

export function useProgrammes(filters: ProgrammeFilters, page: number, pageSize: number) {
  return useQuery({
    queryKey: [EXCHANGE, 'programmes', filters, page, pageSize],
    queryFn: ({ signal }) => api<Paginated<Programme>>('/api/programmes', { query: { ...filters, page, pageSize }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useSaveProgramme(id: number | null) {
  const refresh = useRefreshExchange();
  return useMutation({
    mutationFn: (body: ProgrammeInput) =>
      id === null ? api<Programme>('/api/programmes', { method: 'POST', body }) : api<Programme>(`/api/programmes/${id}`, { method: 'PUT', body }),
    onSuccess: refresh,
  });
}

export function useDeleteProgramme() {
  const refresh = useRefreshExchange();
  return useMutation({ mutationFn: (id: number) => api<void>(`/api/programmes/${id}`, { method: 'DELETE' }), onSuccess: refresh });
}

/** The download of the programmes with the same filters. */
export const programmesExportUrl = (filters: ProgrammeFilters, format: 'csv' | 'xlsx') => `/api/programmes/export${toQueryString({ ...filters, format })}`;

// the public dashboard and currency rates

export type DashboardFilters = { year?: string; country?: string; currency?: string };

export function useDashboard(filters: DashboardFilters) {
  return useQuery({
    queryKey: [EXCHANGE, 'dashboard', filters],
    queryFn: ({ signal }) => api<Dashboard>('/api/dashboard/exchange', { query: filters, signal }),
    placeholderData: keepPreviousData,
  });
}

export const dashboardExportUrl = (filters: DashboardFilters, format: 'csv' | 'xlsx') =>
  `/api/dashboard/exchange/export${toQueryString({ ...filters, format })}`;

export function useRates() {
  return useQuery({ queryKey: [EXCHANGE, 'rates'], queryFn: ({ signal }) => api<{ items: Rate[] }>('/api/rates', { signal }) });
}

export function useRecordRate() {
  const refresh = useRefreshExchange();
  return useMutation({ mutationFn: (body: NewRate) => api<Rate>('/api/rates', { method: 'POST', body }), onSuccess: refresh });
}

export function useDeleteRate() {
  const refresh = useRefreshExchange();
  return useMutation({ mutationFn: (id: number) => api<void>(`/api/rates/${id}`, { method: 'DELETE' }), onSuccess: refresh });
}
