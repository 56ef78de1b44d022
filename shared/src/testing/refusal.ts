import { GraphQLError } from 'graphql';

/** For tests of input rules: `[code, field]` of the error a check throws, or 'accepted'. */
export function refusal(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error instanceof GraphQLError ? [error.extensions.code, error.extensions.field] : error;
  }
  return 'accepted';
}
