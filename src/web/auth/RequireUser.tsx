import { useRef, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { ErrorAlert, PageLoader } from '../ui/QueryStates';
import { useSession } from './api';

/**
 * Renders children for a signed-in user. A guest goes to the sign-in form and comes back;
 * someone who has just signed out here goes home instead.
 */
export function RequireUser({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  const wasSignedIn = useRef(false);
  if (session.isPending) return <PageLoader />;
  if (session.isError) return <ErrorAlert error={session.error} onRetry={() => void session.refetch()} />;
  if (!session.data.user) {
    if (wasSignedIn.current) return <Navigate to="/" replace />;
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  wasSignedIn.current = true;
  return <>{children}</>;
}
