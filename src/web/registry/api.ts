import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type QueryParams } from '../http/client';
import { postForm } from '../bom/upload';
import type { Paginated } from '../http/types';
import type {
  ApplicationBody,
  BulkVerifyResult,
  DecisionBody,
  EvaluateBody,
  EvaluationResult,
  RecordList,
  RegistryImport,
  RegistryRecord,
  RuleSetVersion,
  VerifyResult,
} from './types';

export type RecordListQuery = QueryParams & {
  page: number;
  pageSize: number;
  q?: string;
  status?: string;
  date?: string;
  country?: string;
  level?: string;
  ruleSet?: string;
  category?: string;
  origin?: string;
};

const recordKey = (id: string | number) => ['registry', 'record', String(id)];

export function useRecords(query: RecordListQuery) {
  return useQuery({
    queryKey: ['registry', 'records', query],
    queryFn: ({ signal }) => api<RecordList>('/api/registry/records', { query, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useRecord(id: string, date: string) {
  return useQuery({
    queryKey: [...recordKey(id), date],
    queryFn: ({ signal }) => api<RegistryRecord>(`/api/registry/records/${encodeURIComponent(id)}`, { query: { date }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useQueue(page: number, pageSize: number) {
  return useQuery({
    queryKey: ['registry', 'queue', page, pageSize],
    queryFn: ({ signal }) => api<RecordList>('/api/registry/queue', { query: { page, pageSize, order: 'asc' }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useRuleSets() {
  return useQuery({
    queryKey: ['registry', 'rule-sets'],
    queryFn: ({ signal }) => api<RuleSetVersion[]>('/api/registry/rule-sets', { signal }),
    staleTime: 5 * 60_000,
  });
}

export function useEvaluation(body: EvaluateBody | null) {
  return useQuery({
    queryKey: ['registry', 'evaluate', body],
    queryFn: ({ signal }) => api<EvaluationResult[]>('/api/registry/evaluate', { method: 'POST', body, signal }),
    enabled: body !== null,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

function useInvalidateRegistry() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ['registry'] });
}

export function useSaveApplication() {
  const invalidate = useInvalidateRegistry();
  return useMutation({
    mutationFn: ({ id, body }: { id: number | null; body: ApplicationBody }) =>
      id === null
        ? api<RegistryRecord>('/api/registry/records', { method: 'POST', body })
        : api<RegistryRecord>(`/api/registry/records/${id}`, { method: 'PUT', body }),
    onSuccess: () => invalidate(),
  });
}

export function useSubmitApplication() {
  const invalidate = useInvalidateRegistry();
  return useMutation({
    mutationFn: (id: number) => api<RegistryRecord>(`/api/registry/records/${id}/submit`, { method: 'POST' }),
    onSuccess: () => invalidate(),
  });
}

export function useDecide(id: number) {
  const invalidate = useInvalidateRegistry();
  return useMutation({
    mutationFn: (body: DecisionBody) => api<RegistryRecord>(`/api/registry/records/${id}/decisions`, { method: 'POST', body }),
    onSuccess: () => invalidate(),
  });
}

export function useUploadDocument(id: number) {
  const invalidate = useInvalidateRegistry();
  return useMutation({
    mutationFn: ({ kind, file }: { kind: string; file: File }) => {
      const form = new FormData();
      form.append('kind', kind);
      form.append('file', file);
      return postForm<RegistryRecord>(`/api/registry/records/${id}/documents`, form);
    },
    onSuccess: () => invalidate(),
  });
}

export function useNewRuleSetVersion() {
  const invalidate = useInvalidateRegistry();
  return useMutation({
    mutationFn: ({ id, points }: { id: number; points: Record<string, number> }) =>
      api<RuleSetVersion>(`/api/registry/rule-sets/${id}/versions`, { method: 'POST', body: { points } }),
    onSuccess: () => invalidate(),
  });
}

export function verifyOne(query: { number?: string; designation?: string; date?: string }, signal?: AbortSignal) {
  return api<VerifyResult>('/api/registry/verify', { query, signal });
}

export function verifyBulk(body: { text: string; date?: string }) {
  return api<BulkVerifyResult>('/api/registry/verify/bulk', { method: 'POST', body });
}

export function useImports(page: number, pageSize: number) {
  return useQuery({
    queryKey: ['registry', 'imports', page, pageSize],
    queryFn: ({ signal }) => api<Paginated<RegistryImport>>('/api/registry/imports', { query: { page, pageSize }, signal }),
    placeholderData: keepPreviousData,
  });
}
