import { QueryClient } from '@tanstack/react-query';
import { shouldRetryQuery } from '../api/errors.ts';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      // The HTTP layer retries idempotent requests itself; API errors are final here.
      queries: { staleTime: 30_000, retry: shouldRetryQuery, refetchOnWindowFocus: false },
      mutations: { retry: 0 },
    },
  });
}
