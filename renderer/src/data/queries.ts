import {
  QueryClient,
  useMutation,
  keepPreviousData,
  useQuery,
  useQueryClient,
  type UseMutationResult,
  type UseQueryResult,
} from '@tanstack/react-query';
import { domainOf, staleAfter, type Channel, type ChannelInput, type ChannelOutput } from '../../../shared/contract';
import type { ApiError } from '../api/client';
import { useClient } from '../api/context';

/**
 * The renderer's only data layer: every answer from the main process is a
 * query cached under [channel, input], and every change is a mutation that
 * marks stale the domains it affects (shared/contract/effects.ts), so every
 * screen showing them refetches. No screen reloads anything by hand.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      // The main process is the only writer: an answer stays fresh until a change marks it stale.
      queries: { staleTime: Infinity, retry: false, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
}

type Input<C extends Channel> = ChannelInput<C>;

/**
 * Reads a channel through the cache. Errors reach the ErrorBanner as every
 * call's do, unless `handled` (the page shows the error beside what failed).
 */
export function useChannel<C extends Channel>(
  channel: C,
  input: Input<C>,
  options: { enabled?: boolean; handled?: boolean; keepPrevious?: boolean } = {},
): UseQueryResult<ChannelOutput<C>, ApiError> {
  const client = useClient();
  return useQuery<ChannelOutput<C>, ApiError>({
    queryKey: [channel, input],
    queryFn: () => call(client.api, channel, input, options.handled),
    enabled: options.enabled ?? true,
    // keepPrevious: the last answer stays on screen while a different input's answer is fetched.
    ...(options.keepPrevious ? { placeholderData: keepPreviousData } : {}),
  });
}

export interface MutateOptions {
  /** The caller shows the error itself (a form's inline message), so the global banner stays quiet. */
  handled?: boolean;
  /**
   * The answer is a secret (a revealed password): the mutation is dropped as
   * soon as nothing watches it, so the value lives only in the component that
   * shows it (and is hidden when the vault locks), never in the cache.
   */
  forget?: boolean;
}

/** Changes something through a channel, then marks stale whatever that change shows up in. */
export function useMutate<C extends Channel>(
  channel: C,
  options: MutateOptions = {},
): UseMutationResult<ChannelOutput<C>, ApiError, Input<C>> {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation<ChannelOutput<C>, ApiError, Input<C>>({
    mutationFn: (input) => call(client.api, channel, input, options.handled),
    onSuccess: () => invalidateAfter(queryClient, channel),
    ...(options.forget ? { gcTime: 0 } : {}),
  });
}

/** Marks stale every cached answer that a successful call to `channel` may have changed. */
export function invalidateAfter(queryClient: QueryClient, channel: Channel): Promise<void> {
  const stale = staleAfter(channel);
  if (stale === 'everything') return queryClient.invalidateQueries();
  return queryClient.invalidateQueries({
    predicate: (query) => {
      const key = query.queryKey[0];
      return typeof key === 'string' && (stale as string[]).includes(domainOf(key as Channel));
    },
  });
}

function call<C extends Channel>(
  api: ReturnType<typeof useClient>['api'],
  channel: C,
  input: Input<C>,
  handled = false,
): Promise<ChannelOutput<C>> {
  const [domain, action] = channel.split('.') as [string, string];
  const method = (api as unknown as Record<string, Record<string, (i: unknown, o: object) => Promise<unknown>>>)[
    domain
  ]![action]!;
  return method(input, { handled }) as Promise<ChannelOutput<C>>;
}
