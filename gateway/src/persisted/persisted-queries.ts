import type { ApolloServerOptions, ApolloServerPlugin } from '@apollo/server';
import { InMemoryLRUCache, type KeyValueCache } from '@apollo/utils.keyvaluecache';

import { safelistPlugin, type OperationSafelist } from './safelist';

/** How much operation text automatic persisted queries keep by default: 8 MiB, least recently used out. */
export const DEFAULT_APQ_CACHE_BYTES = 8 * 1024 * 1024;
/**
 * Apollo Server puts this before every APQ key. Its way to turn that off marks the cache with a
 * symbol of its own copy of @apollo/utils.keyvaluecache, which is not the gateway's: strip it here.
 */
const APQ_KEY_PREFIX = 'apq:';

export interface PersistedQueryOptions {
  /** Bound of the APQ cache in bytes of operation text (default 8 MiB). */
  cacheBytes?: number;
  /** Only these operations run; persisted ids are then exactly the list's. */
  safelist?: OperationSafelist;
}

/**
 * Automatic persisted queries, for dashboards that send a hash instead of a long query, and the
 * optional safelist. Without a safelist, clients register their operations in a bounded in-memory
 * LRU (an entry never expires, it is evicted). With one, the listed operations are the only
 * persisted ones and nothing is registered: an unlisted hash is PERSISTED_QUERY_NOT_FOUND, and its
 * text, when sent, OPERATION_NOT_ALLOWED.
 */
export function persistedQueries<Context extends object>(
  options: PersistedQueryOptions = {},
): Pick<ApolloServerOptions<Context>, 'persistedQueries'> & { plugins: ApolloServerPlugin<Context>[] } {
  const { safelist } = options;
  if (!safelist) {
    const cache = new InMemoryLRUCache<string>({ maxSize: options.cacheBytes ?? DEFAULT_APQ_CACHE_BYTES });
    return { persistedQueries: { cache, ttl: null }, plugins: [] };
  }
  const listed: KeyValueCache<string> = {
    get: async (key) => safelist.body(key.startsWith(APQ_KEY_PREFIX) ? key.slice(APQ_KEY_PREFIX.length) : key),
    set: async () => undefined,
    delete: async () => false,
  };
  return {
    persistedQueries: { cache: listed },
    plugins: [safelistPlugin<Context>(safelist)],
  };
}
