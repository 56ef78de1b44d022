import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { messageLanguage } from './accept-language';
import { vietnameseMessage } from './messages-vi';

/**
 * Error messages in the language the request's `Accept-Language` prefers (Vietnamese or English),
 * rewritten last, after masking: `extensions` (code, field) are sent unchanged.
 */
export function errorLanguagePlugin<Context extends object>(): ApolloServerPlugin<Context> {
  return {
    requestDidStart({ request }) {
      if (messageLanguage(request.http?.headers.get('accept-language')) !== 'vi') return Promise.resolve();
      return Promise.resolve({
        willSendResponse({ response }) {
          if (response.body.kind !== 'single' || !response.body.singleResult.errors) return Promise.resolve();
          response.body.singleResult.errors = response.body.singleResult.errors.map((error) => ({
            ...error,
            message: vietnameseMessage(error.message, error.extensions?.code as string | undefined),
          }));
          return Promise.resolve();
        },
      });
    },
  };
}

/** An error raised before any plugin runs (authentication), in the request's language. */
export function inRequestLanguage(error: unknown, acceptLanguage: string | undefined): unknown {
  if (!(error instanceof GraphQLError) || messageLanguage(acceptLanguage) !== 'vi') return error;
  return new GraphQLError(vietnameseMessage(error.message, error.extensions.code as string | undefined), {
    extensions: error.extensions,
  });
}
