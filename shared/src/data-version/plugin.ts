import type { ApolloServerPlugin } from '@apollo/server';
import { DATA_VERSION_HEADER, type DataVersionSource, type VersionedRequest } from './protocol';

/**
 * Attaches a subgraph's validator to its answers (`extensions.dataVersion`): only when the gateway
 * asks (DATA_VERSION_HEADER), only to queries, only to answers without errors, and only when the
 * source says the whole answer is covered. `prepare` runs before any field resolves, so that a
 * write landing during the request leaves the older version with the newer data (the next
 * validation fails), never the reverse.
 */
export function dataVersionPlugin<Context extends object>(
  source: DataVersionSource<Context>,
): ApolloServerPlugin<Context> {
  return {
    async requestDidStart({ request }) {
      if (!request.http?.headers.get(DATA_VERSION_HEADER)) return;
      let versioned: { request: VersionedRequest<Context>; prepared: unknown } | undefined;
      return {
        async didResolveOperation({ contextValue, document, operation, request }) {
          if (operation?.operation !== 'query') return;
          const each = { context: contextValue, document, operation, variables: request.variables ?? {} };
          versioned = { request: each, prepared: await source.prepare?.(each) };
        },
        async willSendResponse({ response }) {
          if (!versioned || response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          if (result.errors?.length) return;
          const dataVersion = source.validator(versioned.request, versioned.prepared);
          if (dataVersion) result.extensions = { ...result.extensions, dataVersion };
        },
      };
    },
  };
}
