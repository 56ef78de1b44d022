import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { SpanStatusCode, context, trace } from '@opentelemetry/api';
import { ErrorCode, isClientError } from '../errors';
import type { RequestContext } from '../context';
import type { Tracing } from './tracing';

/** Codes that are the service's failure, not the client's: their spans are marked as errors. */
const SERVICE_FAILURES = new Set<unknown>([ErrorCode.INTERNAL_SERVER_ERROR, ErrorCode.SUBGRAPH_UNAVAILABLE]);

/**
 * Names the request's server span after the operation (`query UnitInspections`), with the
 * request id, records its errors, and adds a span per root field (`Query.organisation`,
 * `Query._entities`). Nested fields get none: they are many and mostly read a loaded row; their SQL
 * has spans of its own under the request.
 */
export function tracingPlugin<Context extends Pick<RequestContext, 'requestId'>>(
  tracing: Tracing,
): ApolloServerPlugin<Context>[] {
  if (!tracing.enabled) return [];
  return [
    {
      async requestDidStart({ contextValue }) {
        const span = trace.getSpan(context.active());
        if (!span) return;
        span.setAttribute('giaoviec.request.id', contextValue.requestId);
        return {
          async didResolveOperation({ operation, operationName }) {
            const type = operation?.operation ?? 'unknown';
            span.updateName(`${type} ${operationName ?? 'anonymous'}`);
            span.setAttribute('graphql.operation.type', type);
            if (operationName) span.setAttribute('graphql.operation.name', operationName);
          },
          async didEncounterErrors({ errors }) {
            for (const error of errors) {
              const original = unwrapResolverError(error);
              const code = error.extensions?.code;
              if ((isClientError(original) || isClientError(error)) && !SERVICE_FAILURES.has(code)) {
                span.addEvent('graphql.error', {
                  'graphql.error.code': String(code),
                  'graphql.error.message': error.message,
                });
              } else {
                span.recordException(original instanceof Error ? original : error);
                span.setStatus({ code: SpanStatusCode.ERROR, message: String(code ?? 'error') });
              }
            }
          },
          async executionDidStart() {
            return {
              willResolveField({ info }) {
                if (info.path.prev) return;
                const field = tracing.tracer.startSpan(`${info.parentType.name}.${info.fieldName}`, {
                  attributes: { 'graphql.field.name': info.fieldName, 'graphql.field.type': String(info.returnType) },
                });
                return (error) => {
                  if (error && !isClientError(error))
                    field.setStatus({ code: SpanStatusCode.ERROR, message: error.message });
                  field.end();
                };
              },
            };
          },
        };
      },
    },
  ];
}
