import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { ApiError, describeError } from '../api/errors.ts';
import { paths } from './paths.ts';

type Problem = { kind: 'auth' | 'unreachable' | 'config'; message: string };

function classify(error: unknown): Problem | null {
  if (!(error instanceof ApiError)) return null;
  if (error.isAuth) return { kind: 'auth', message: describeError(error) };
  if (error.kind === 'config') return { kind: 'config', message: error.message };
  if (error.kind === 'network' || error.kind === 'timeout' || (error.kind === 'http' && error.status >= 500)) return { kind: 'unreachable', message: describeError(error) };
  return null;
}

const TITLE: Record<Problem['kind'], string> = {
  auth: 'The backend rejected the API key',
  unreachable: 'The backend is not answering',
  config: 'The data source is not set up',
};

/**
 * App-wide notice for problems no single page can fix: a rejected key (401/403), an
 * unreachable or failing backend, a missing org. Pages keep showing what they have.
 */
export function ApiStatusBanner() {
  const queryClient = useQueryClient();
  const [problem, setProblem] = useState<Problem | null>(null);

  useEffect(() => {
    const onError = (error: unknown): void => {
      const p = classify(error);
      if (p) setProblem(p);
    };
    const unsubQueries = queryClient.getQueryCache().subscribe((event) => {
      if (event.type !== 'updated') return;
      if (event.action.type === 'error') onError(event.action.error);
      else if (event.action.type === 'success') setProblem(null);
    });
    const unsubMutations = queryClient.getMutationCache().subscribe((event) => {
      if (event.type === 'updated' && event.action.type === 'error') onError(event.action.error);
    });
    return () => {
      unsubQueries();
      unsubMutations();
    };
  }, [queryClient]);

  if (!problem) return null;
  return (
    <div className="api-status" role="alert" data-testid="api-status">
      <div className="api-status-text">
        <strong>{TITLE[problem.kind]}</strong>
        <span>{problem.message}</span>
      </div>
      <div className="api-status-actions">
        {problem.kind === 'unreachable' ? (
          <button type="button" className="btn" onClick={() => void queryClient.refetchQueries({ type: 'active' })}>
            Retry
          </button>
        ) : (
          <Link className="btn" to={paths.settings} onClick={() => setProblem(null)}>
            Open Settings
          </Link>
        )}
        <button type="button" className="btn btn-ghost" aria-label="Dismiss" onClick={() => setProblem(null)}>
          ✕
        </button>
      </div>
    </div>
  );
}
