import type { ErrorRequestHandler } from 'express';
import type { Logger } from 'pino';

/**
 * What express itself refuses (a body over the limit, malformed JSON) answered as GraphQL errors in
 * JSON, never as an HTML page with a stack.
 */
export function jsonErrors(log: Logger): ErrorRequestHandler {
  return (error: { status?: number; type?: string }, _req, res, next) => {
    if (res.headersSent) return next(error);
    const status = error.status && error.status >= 400 && error.status < 500 ? error.status : 500;
    const code = status === 413 ? 'PAYLOAD_TOO_LARGE' : status < 500 ? 'BAD_REQUEST' : 'INTERNAL_SERVER_ERROR';
    const message =
      status === 413
        ? 'The request body is too large'
        : status < 500
          ? 'The request body is not valid JSON'
          : 'Internal server error';
    if (status >= 500) log.error({ err: error }, 'request failed');
    else log.info({ status, type: error.type }, 'request refused');
    res.status(status).json({ errors: [{ message, extensions: { code } }] });
  };
}
