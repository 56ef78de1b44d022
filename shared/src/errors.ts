import { GraphQLError } from 'graphql';

/** The stable `extensions.code` values clients can rely on (contract README, Errors). */
export const ErrorCode = {
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
  /** A subgraph did not answer: the fields it serves are missing, the rest of the answer stands. */
  SUBGRAPH_UNAVAILABLE: 'SUBGRAPH_UNAVAILABLE',
  /** The gateway runs a safelist (OPERATION_SAFELIST) and this operation is not in it. */
  OPERATION_NOT_ALLOWED: 'OPERATION_NOT_ALLOWED',
  /** Apollo's: the hash of an automatic persisted query is unknown; send it again with its text. */
  PERSISTED_QUERY_NOT_FOUND: 'PERSISTED_QUERY_NOT_FOUND',
  /** A change feed's `after` is older than the feed keeps: re-synchronise, then follow anew. */
  CURSOR_EXPIRED: 'CURSOR_EXPIRED',
  /** The subgraphs' data for one request passed the gateway's bound (GRAPHQL_MAX_SUBGRAPH_BYTES): nothing is answered. */
  RESPONSE_TOO_LARGE: 'RESPONSE_TOO_LARGE',
  /** A request the server cannot read as GraphQL over HTTP (e.g. a persisted query's hash not matching its text). */
  BAD_REQUEST: 'BAD_REQUEST',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** An error whose message and code are meant for the client. */
export class DomainError extends GraphQLError {
  constructor(code: ErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message, { extensions: { ...details, code } });
  }
}

/** Input the client can fix: names the offending field when there is one. */
export class BadUserInputError extends DomainError {
  constructor(message: string, field?: string) {
    super(ErrorCode.BAD_USER_INPUT, message, field ? { field } : {});
  }
}

/** A change that the current state does not allow, or a concurrent update. */
export class ConflictError extends DomainError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super(ErrorCode.CONFLICT, message, details);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = 'Your role does not allow this') {
    super(ErrorCode.FORBIDDEN, message);
  }
}

export class UnauthenticatedError extends DomainError {
  constructor(message = 'A valid bearer token is required') {
    // Sent before any resolver runs (context creation): the HTTP status says it too.
    super(ErrorCode.UNAUTHENTICATED, message, { http: { status: 401 } });
  }
}

export class NotFoundError extends DomainError {
  constructor(message: string) {
    super(ErrorCode.NOT_FOUND, message);
  }
}

const CLIENT_CODES = new Set<string>(Object.values(ErrorCode));

/** True when the error's code is one of ours or a GraphQL request error, safe to show as it is. */
export function isClientError(error: unknown): boolean {
  if (!(error instanceof GraphQLError)) return false;
  const code = error.extensions?.code;
  return typeof code === 'string' && (CLIENT_CODES.has(code) || code.startsWith('GRAPHQL_'));
}
