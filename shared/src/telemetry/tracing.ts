import {
  ProxyTracerProvider,
  context,
  trace,
  type Tracer,
  type TracerProvider,
  type ContextManager,
} from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { Resource, envDetectorSync } from '@opentelemetry/resources';
import { BasicTracerProvider, BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { ATTR_SERVICE_NAME, ATTR_SERVICE_NAMESPACE } from '@opentelemetry/semantic-conventions';

/** Where and as whom a service sends its traces (OTLP over HTTP, JSON). */
export interface TracingOptions {
  /** The OTLP/HTTP traces endpoint, e.g. `http://collector:4318/v1/traces`. */
  url: string;
  /** The `service.name` of its spans (default: the service's own name). */
  serviceName?: string;
}

/**
 * Tracing as the standard variables configure it: on only when `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`
 * (used as it is) or `OTEL_EXPORTER_OTLP_ENDPOINT` (`/v1/traces` appended) is set, and neither
 * `OTEL_SDK_DISABLED=true` nor `OTEL_TRACES_EXPORTER=none`. `OTEL_SERVICE_NAME` names the service.
 * The exporter reads the other `OTEL_EXPORTER_OTLP_*` variables (headers, timeout) itself.
 */
export function tracingFromEnvironment(env: NodeJS.ProcessEnv = process.env): TracingOptions | undefined {
  if (env.OTEL_SDK_DISABLED?.trim().toLowerCase() === 'true') return undefined;
  if (env.OTEL_TRACES_EXPORTER?.trim() === 'none') return undefined;
  const base = env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim();
  const url = env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?.trim() || (base ? `${base.replace(/\/+$/, '')}/v1/traces` : '');
  if (!url) return undefined;
  return { url, serviceName: env.OTEL_SERVICE_NAME?.trim() || undefined };
}

/**
 * The tracing of one service. Each has its own tracer provider, so that its spans carry its own
 * `service.name` even when several services share a process (the test stack). When tracing is
 * off, `tracer` is a no-op and nothing of the SDK is started.
 */
export class Tracing {
  private stopped?: Promise<void>;

  private constructor(
    readonly tracer: Tracer,
    private readonly provider?: BasicTracerProvider,
  ) {}

  /** Tracing that records nothing. */
  static readonly off = new Tracing(new ProxyTracerProvider().getTracer('off'));

  static start(service: string, options: TracingOptions, { globalApi = false } = {}): Tracing {
    const resource = Resource.default()
      .merge(envDetectorSync.detect())
      .merge(
        new Resource({ [ATTR_SERVICE_NAME]: options.serviceName ?? service, [ATTR_SERVICE_NAMESPACE]: 'giaoviec' }),
      );
    const provider = new BasicTracerProvider({
      resource,
      spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter({ url: options.url }))],
    });
    const tracing = new Tracing(provider.getTracer('giaoviec', '0.1.0'), provider);
    processTracing.add(tracing, globalApi ? provider : undefined);
    return tracing;
  }

  get enabled(): boolean {
    return this.provider !== undefined;
  }

  /** Sends the spans ended so far. */
  async flush(): Promise<void> {
    await this.provider?.forceFlush();
  }

  /** Sends what is left and lets go of the process-wide registrations (stopping twice is harmless). */
  shutdown(): Promise<void> {
    return (this.stopped ??= (async () => {
      if (!this.provider) return;
      processTracing.remove(this, this.provider);
      await this.provider.shutdown();
    })());
  }
}

/**
 * Starts a service's tracing when `options` are given (see `tracingFromEnvironment`), else returns
 * `Tracing.off`. `globalApi`: libraries that trace through the global API (@apollo/gateway's
 * gateway.request, gateway.plan, gateway.fetch... spans) report as this service.
 */
export function startTracing(
  service: string,
  options: TracingOptions | undefined,
  settings: { globalApi?: boolean } = {},
): Tracing {
  return options ? Tracing.start(service, options, settings) : Tracing.off;
}

/**
 * What the process shares between its services' tracing: the context manager that carries the
 * active span across `await` (AsyncLocalStorage), and the provider behind the global API. The
 * global provider is registered once and switches target: @apollo/gateway keeps the tracer it got
 * at load, so a provider registered and later shut down would otherwise go on receiving its spans.
 */
const processTracing = new (class {
  private readonly running = new Set<Tracing>();
  private readonly globalTargets: BasicTracerProvider[] = [];
  private contextManager?: ContextManager;
  private globalRegistered = false;
  private readonly globalProvider: TracerProvider = {
    getTracer: (name, version, options) => delegatingTracer(() => this.globalTarget.getTracer(name, version, options)),
  };

  get active(): boolean {
    return this.running.size > 0;
  }

  private get globalTarget(): TracerProvider {
    return this.globalTargets.at(-1) ?? NO_TRACING;
  }

  add(tracing: Tracing, globalProvider?: BasicTracerProvider): void {
    if (!this.contextManager) {
      const manager = new AsyncLocalStorageContextManager().enable();
      // Another library may have registered one already: keep theirs.
      if (context.setGlobalContextManager(manager)) this.contextManager = manager;
      else manager.disable();
    }
    this.running.add(tracing);
    if (globalProvider) {
      this.globalTargets.push(globalProvider);
      if (!this.globalRegistered) this.globalRegistered = trace.setGlobalTracerProvider(this.globalProvider);
    }
  }

  remove(tracing: Tracing, provider: BasicTracerProvider): void {
    this.running.delete(tracing);
    const index = this.globalTargets.indexOf(provider);
    if (index >= 0) this.globalTargets.splice(index, 1);
    if (this.globalTargets.length === 0 && this.globalRegistered) {
      trace.disable();
      this.globalRegistered = false;
    }
    if (this.running.size === 0 && this.contextManager) {
      context.disable();
      this.contextManager = undefined;
    }
  }

  flush(): Promise<void[]> {
    return Promise.all([...this.running].map((tracing) => tracing.flush()));
  }
})();

const NO_TRACING: TracerProvider = new ProxyTracerProvider();

/** A tracer that asks `current()` for the tracer to use at each span. */
function delegatingTracer(current: () => Tracer): Tracer {
  return {
    startSpan: (...args) => current().startSpan(...args),
    startActiveSpan: ((...args: unknown[]) => {
      const tracer = current();
      return Reflect.apply(tracer.startActiveSpan, tracer, args) as unknown;
    }) as Tracer['startActiveSpan'],
  };
}

/** Sends the spans ended so far by every service of this process (tests read them right after). */
export async function flushTracing(): Promise<void> {
  await processTracing.flush();
}

/** The trace and span of the active span, for log lines; nothing when tracing is off. */
export function traceLogFields(): { traceId?: string; spanId?: string } {
  if (!processTracing.active) return {};
  const span = trace.getSpan(context.active())?.spanContext();
  return span && trace.isSpanContextValid(span) ? { traceId: span.traceId, spanId: span.spanId } : {};
}
