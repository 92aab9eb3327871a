import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, setCsrfToken } from '../http/client';
import type { ApiToken, CreatedToken, Session, TokenScope } from '../http/types';

export const sessionKey = ['auth', 'me'] as const;
const tokensKey = ['auth', 'tokens'] as const;

async function fetchSession(signal?: AbortSignal): Promise<Session> {
  const session = await api<Session>('/api/auth/me', { signal });
  setCsrfToken(session.csrfToken);
  return session;
}

/** The signed-in user (or null) and the CSRF token for later state-changing requests. */
export function useSession() {
  return useQuery({ queryKey: sessionKey, queryFn: ({ signal }) => fetchSession(signal), staleTime: 5 * 60_000 });
}

export function useCurrentUser() {
  return useSession().data?.user ?? null;
}

export function useLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (credentials: { email: string; password: string }) => api<Session>('/api/auth/login', { method: 'POST', body: credentials }),
    onSuccess: (session) => {
      setCsrfToken(session.csrfToken);
      client.setQueryData(sessionKey, session);
      client.removeQueries({ queryKey: tokensKey });
    },
  });
}

export function useLogout() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>('/api/auth/logout', { method: 'POST' }),
    onSettled: () => {
      setCsrfToken(null);
      client.setQueryData<Session>(sessionKey, { user: null, csrfToken: null });
      client.removeQueries({ queryKey: tokensKey });
      // The server may hand out a fresh anonymous CSRF token.
      void client.invalidateQueries({ queryKey: sessionKey });
    },
  });
}

export function useTokens() {
  return useQuery({
    queryKey: tokensKey,
    queryFn: ({ signal }) => api<{ items: ApiToken[] }>('/api/auth/tokens', { signal }),
  });
}

export type NewToken = { name: string; scope: TokenScope; expiresInDays?: number };

export function useCreateToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (token: NewToken) => api<CreatedToken>('/api/auth/tokens', { method: 'POST', body: token }),
    onSuccess: () => client.invalidateQueries({ queryKey: tokensKey }),
  });
}

export function useRevokeToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api<void>(`/api/auth/tokens/${id}`, { method: 'DELETE' }),
    onSuccess: () => client.invalidateQueries({ queryKey: tokensKey }),
  });
}
