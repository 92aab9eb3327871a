import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../http/client';
import type { SearchKind, SearchResponse, Suggestion } from '../http/types';

export const SUGGEST_MIN_LENGTH = 2;
export const SUGGEST_LIMIT = 8;

export type SearchRequest = {
  q?: string;
  kind?: SearchKind;
  category?: string;
  country?: string;
  maker?: string;
  package?: string;
  qualityLevel?: string;
  registryStatus?: string;
  param?: string[];
  limit?: number;
};

/** `GET /api/search`; off while there is nothing to search for. The last answer stays while the next loads. */
export function useSearch(request: SearchRequest, enabled: boolean) {
  return useQuery({
    queryKey: ['search', request],
    queryFn: ({ signal }) => api<SearchResponse>('/api/search', { query: request, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** `GET /api/search/suggest` for the header box, from {@link SUGGEST_MIN_LENGTH} characters, while its list is open. */
export function useSuggestions(q: string, open: boolean) {
  const text = q.trim();
  return useQuery({
    queryKey: ['search-suggest', text],
    // The answer remembers its text, so a list kept from an earlier, unrelated text can be told apart.
    queryFn: async ({ signal }) => {
      const answer = await api<{ items: Suggestion[] }>('/api/search/suggest', { query: { q: text, limit: SUGGEST_LIMIT }, signal });
      return { q: text, items: answer.items };
    },
    enabled: open && text.length >= SUGGEST_MIN_LENGTH,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}
