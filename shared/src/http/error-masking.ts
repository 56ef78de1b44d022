import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { isClientError, ErrorCode } from '../errors';
import type { RequestContext } from '../context';

/**
 * Clients see the message of errors meant for them (domain and request errors) and nothing else:
 * no stack, SQL or host names. The log keeps the detail, under the request id the error carries.
 */
export function maskError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
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

/** Logs every error with its request id, and puts that id on each error sent to the client. */
export function errorLoggingPlugin<
  Context extends Pick<RequestContext, 'requestId' | 'log'>,
>(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue, operationName }) {
          for (const error of errors) {
            const original = unwrapResolverError(error);
            if (isClientError(original) || isClientError(error)) {
              contextValue.log.info(
                { code: error.extensions?.code, operationName, message: error.message },
                'request refused',
              );
            } else {
              contextValue.log.error({ err: original, operationName, path: error.path }, 'request failed');
            }
          }
        },
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single') return;
          for (const error of response.body.singleResult.errors ?? []) {
            (error.extensions as Record<string, unknown>).requestId = contextValue.requestId;
          }
        },
      };
    },
  };
}
