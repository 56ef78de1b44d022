import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { signUserToken, todayInVietnam, type Logger, type RequestUser, type ServiceMetrics } from '@giaoviec/shared';
import { LRUCache } from 'lru-cache';
import { Counter, Gauge } from 'prom-client';
import { responseCacheKey } from './key';
import { FreshReads } from './fresh-reads';
import { validatorsHold, versionChecks, type VersionCheck } from './validate';
import { RequestValidators } from './validators';

/** The header that tells a client whether its answer came from the response cache. */
export const CACHE_HEADER = 'x-giaoviec-cache';

/** The default bound of the response cache, in MB (`RESPONSE_CACHE_MB`; 0 turns it off). */
export const DEFAULT_RESPONSE_CACHE_MB = 32;

/** The bound of the response cache in bytes, from `RESPONSE_CACHE_MB` (0: off). */
export function responseCacheBytesFromEnvironment(env: NodeJS.ProcessEnv = process.env): number {
  const configured = env.RESPONSE_CACHE_MB;
  const mb = configured === undefined || configured === '' ? DEFAULT_RESPONSE_CACHE_MB : Number(configured);
  if (!Number.isFinite(mb) || mb < 0) throw new Error('RESPONSE_CACHE_MB must be a number of megabytes (0: off)');
  return Math.floor(mb * 1024 * 1024);
}

/** A cached client answer: its data (frozen: every hit answers the same object), and the checks of its validators. */
interface Entry {
  data: Record<string, unknown>;
  checks: VersionCheck[];
}

/** What the cache needs of the gateway's request context. */
export interface CachingContext {
  user: RequestUser;
  userToken?: Promise<string>;
  log: Logger;
  /** Set for a query when the cache is on: the data sources then ask for and collect validators. */
  validators?: RequestValidators;
}

export interface ResponseCacheOptions {
  maxBytes: number;
  /** A subgraph's GraphQL endpoint, by name (its `/data-versions` is beside it). */
  endpoint: (subgraph: string) => string | undefined;
  timeoutMs: number;
  metrics: ServiceMetrics;
}

type Outcome = 'hit' | 'miss' | 'stale' | 'unvalidated' | 'uncovered';

/** How many keys are remembered as not covered (a digest of 43 characters each: a few MB). */
const UNCOVERED_KEYS = 50_000;

/**
 * Whole client answers of queries, served again only once every subgraph has confirmed that the
 * data they were read from is unchanged (decision record 0042). Keyed by the operation, its
 * variables, the verified user and today's date; bounded in bytes (LRU).
 */
export function responseCachePlugin<Context extends CachingContext>(
  options: ResponseCacheOptions,
): ApolloServerPlugin<Context> {
  // Bounded by the bytes each answer is charged, not by their number: an answer of 1,000 units and
  // one of a unit take what they weigh; one heavier than the whole bound is never kept.
  const cache = new LRUCache<string, Entry>({ maxSize: options.maxBytes });
  // Requests whose answer had a fetch without a validator (a task list, an inspection): the same
  // key is the same operation, variables and user, so the same plan, and it would be uncovered
  // again; it asks the subgraphs for no validators (no data-version read there) until evicted.
  const uncovered = new LRUCache<string, true>({ max: UNCOVERED_KEYS });
  const validations = new FreshReads<unknown>();
  const lookups = new Counter({
    name: 'giaoviec_response_cache_lookups_total',
    help: 'Queries looked up in the response cache: hit (served, validated), miss (not cached), stale (a version changed), unvalidated (a validation route failed), uncovered (known to have a fetch without a validator: not looked up, no validators asked).',
    labelNames: ['outcome'],
    registers: [options.metrics.registry],
  });
  new Gauge({
    name: 'giaoviec_response_cache_bytes',
    help: 'Bytes charged to the answers in the response cache.',
    registers: [options.metrics.registry],
    collect() {
      this.set(cache.calculatedSize);
    },
  });
  return {
    async requestDidStart() {
      let key: string | undefined;
      let outcome: Outcome | undefined;
      return {
        async responseForOperation({ operation, queryHash, request, contextValue }) {
          if (operation.operation !== 'query' || !queryHash) return null;
          key = responseCacheKey({
            queryHash,
            operationName: request.operationName ?? null,
            variables: request.variables ?? {},
            user: contextValue.user,
            today: todayInVietnam(),
          });
          if (uncovered.get(key)) {
            outcome = 'uncovered';
            return null;
          }
          contextValue.validators = new RequestValidators();
          const entry = cache.get(key);
          if (!entry) {
            outcome = 'miss';
            return null;
          }
          contextValue.userToken ??= signUserToken(contextValue.user);
          const validation = await validatorsHold(entry.checks, {
            endpoint: options.endpoint,
            userToken: await contextValue.userToken,
            timeoutMs: options.timeoutMs,
            log: contextValue.log,
            reads: validations,
          });
          if (validation !== 'hold') {
            // Executed as if never cached; its answer, if it has validators, replaces the entry.
            cache.delete(key);
            outcome = validation === 'changed' ? 'stale' : 'unvalidated';
            return null;
          }
          outcome = 'hit';
          return {
            http: { status: undefined, headers: new HeaderMap() },
            body: { kind: 'single', singleResult: { data: entry.data } },
          };
        },
        async willSendResponse({ response, contextValue }) {
          if (!outcome || !key) return;
          lookups.inc({ outcome });
          response.http.headers.set(CACHE_HEADER, outcome === 'hit' ? 'hit' : 'miss');
          if (outcome === 'hit' || response.body.kind !== 'single') return;
          const { data, errors } = response.body.singleResult;
          if (contextValue.validators?.isUncovered) uncovered.set(key, true);
          const validators = contextValue.validators?.complete();
          if (errors?.length || !data || !validators) return;
          const checks = versionChecks(validators);
          // Charged twice its JSON's length, with its key and checks: the data of a national
          // LeadershipCompliance takes 0.7 bytes of heap per character of its JSON (measured).
          const bytes =
            2 * (JSON.stringify(data).length + key.length + checks.reduce((sum, check) => sum + check.body.length, 0));
          cache.set(key, { data: deepFreeze(data), checks }, { size: bytes });
        },
      };
    },
  };
}

/** Freezes an answer's data throughout, so that nothing can change a cached answer for later hits. */
function deepFreeze<Value>(value: Value): Value {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const each of Object.values(value)) deepFreeze(each);
  }
  return value;
}
