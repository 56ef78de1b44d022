import type { GraphQLFormattedError } from 'graphql';

/**
 * graphql-js ends many messages with a suggestion (" Did you mean "DEPARTMENT"?", " Did you mean
 * the enum value ...?", " Did you mean to use an inline fragment on ...?"), which lets anyone map a
 * schema with introspection off. Names are `[_A-Za-z0-9]`: a suggestion runs to its question mark.
 */
const SUGGESTION = /\s*Did you mean\b[^?]*\?/g;

export function withoutSuggestions(error: GraphQLFormattedError): GraphQLFormattedError {
  const message = error.message.replace(SUGGESTION, '');
  return message === error.message ? error : { ...error, message };
}
