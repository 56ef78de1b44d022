import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { isClientError, ErrorCode } from '../errors';
import type { RequestContext } from '../context';

/**
 * Clients see the message of errors meant for them (domain and request errors) and nothing else:
 * no stack, SQL or host names. The log keeps the detail, under the request id the error carries.
 */
export function maskError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  // Apollo Server's own refusals of a request it cannot read (a persisted query's hash that does
  // not match its text, an unknown persisted query version) carry a 4xx status and no code.
  if (isRequestError(error))
    return { ...formatted, extensions: { ...formatted.extensions, code: ErrorCode.BAD_REQUEST } };
  if (isClientError(unwrapResolverError(error)) || isClientError(error)) {
    return { ...formatted, extensions: { ...formatted.extensions, stacktrace: undefined } };
  }
  return {
    message: 'Internal server error',
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
  };
}

function isRequestError(error: unknown): boolean {
  if (!(error instanceof GraphQLError) || error.extensions.code !== undefined) return false;
  const status = (error.extensions.http as { status?: unknown } | undefined)?.status;
  return typeof status === 'number' && status >= 400 && status < 500;
}

/**
 * Logs every refused or failed request and every change of data, with the request id and the user
 * (on the context's logger), and puts the request id on each error sent to the client.
 */
export function auditPlugin<Context extends Pick<RequestContext, 'requestId' | 'log'>>(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue, operationName }) {
          for (const error of errors) {
            const original = unwrapResolverError(error);
            if (isClientError(original) || isClientError(error) || isRequestError(error)) {
              contextValue.log.info(
                { code: error.extensions?.code, operationName, message: error.message },
                'request refused',
              );
            } else {
              contextValue.log.error({ err: original, operationName, path: error.path }, 'request failed');
            }
          }
        },
        async willSendResponse({ response, contextValue, operation, operationName }) {
          if (response.body.kind !== 'single') return;
          if (operation?.operation === 'mutation' && !response.body.singleResult.errors?.length) {
            const fields = operation.selectionSet.selections.flatMap((selection) =>
              'name' in selection ? [selection.name.value] : [],
            );
            contextValue.log.info({ operationName, fields }, 'data changed');
          }
          for (const error of response.body.singleResult.errors ?? []) {
            (error.extensions as Record<string, unknown>).requestId = contextValue.requestId;
          }
        },
      };
    },
  };
}
