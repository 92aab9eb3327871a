import { useQuery } from '@tanstack/react-query';
import { api } from './client';
import type { ApiConfig, Stats } from './types';

export function useConfig() {
  return useQuery({
    queryKey: ['config'],
    queryFn: ({ signal }) => api<ApiConfig>('/api/config', { signal }),
    staleTime: Infinity,
  });
}

export function useStats() {
  return useQuery({
    queryKey: ['stats'],
    queryFn: ({ signal }) => api<Stats>('/api/stats', { signal }),
  });
}
