import { ROOT_CONTEXT, SpanKind, SpanStatusCode, context, defaultTextMapGetter, trace } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import {
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_HTTP_ROUTE,
  ATTR_URL_PATH,
} from '@opentelemetry/semantic-conventions';
import type { RequestHandler } from 'express';
import type { Tracing } from './tracing';

// W3C Trace Context (`traceparent`, `tracestate`) between the gateway and the subgraphs, and from
// clients that send it; explicit rather than the global propagator, which nothing registers.
const propagator = new W3CTraceContextPropagator();

/**
 * Serves each request inside a server span of `tracing`'s service, made the active span so that the
 * GraphQL and SQL spans below it are its children. It continues the caller's trace when the request
 * has a `traceparent` (the gateway's fetch span, or a client's). Mount it after the body parser: the
 * parser's stream events would run outside the span's context.
 */
export function tracedRequests(tracing: Tracing, route: string): RequestHandler {
  if (!tracing.enabled) return (_req, _res, next) => next();
  return (req, res, next) => {
    const parent = propagator.extract(ROOT_CONTEXT, req.headers, defaultTextMapGetter);
    const span = tracing.tracer.startSpan(
      `${req.method} ${route}`,
      {
        kind: SpanKind.SERVER,
        attributes: {
          [ATTR_HTTP_REQUEST_METHOD]: req.method,
          [ATTR_HTTP_ROUTE]: route,
          [ATTR_URL_PATH]: req.originalUrl.split('?')[0],
        },
      },
      parent,
    );
    res.once('close', () => {
      span.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, res.statusCode);
      if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    });
    context.with(trace.setSpan(parent, span), next);
  };
}

/** The `traceparent` (and `tracestate`) of the active span, for a call to another service. */
export function traceHeaders(): Record<string, string> {
  const headers: Record<string, string> = {};
  propagator.inject(context.active(), headers, {
    set: (carrier, key, value) => {
      carrier[key] = value;
    },
  });
  return headers;
}
