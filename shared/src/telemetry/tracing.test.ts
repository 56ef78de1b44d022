import { tracingFromEnvironment } from './tracing';

describe('tracingFromEnvironment', () => {
  it('is off unless an OTLP endpoint is set', () => {
    expect(tracingFromEnvironment({})).toBeUndefined();
    expect(tracingFromEnvironment({ OTEL_SERVICE_NAME: 'gateway' })).toBeUndefined();
  });

  it('appends /v1/traces to the base endpoint, and takes the traces endpoint as it is', () => {
    expect(tracingFromEnvironment({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/' })).toEqual({
      url: 'http://collector:4318/v1/traces',
      serviceName: undefined,
    });
    expect(
      tracingFromEnvironment({
        OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318',
        OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://tempo:4318/otlp/traces',
        OTEL_SERVICE_NAME: 'giaoviec-gateway',
      }),
    ).toEqual({ url: 'http://tempo:4318/otlp/traces', serviceName: 'giaoviec-gateway' });
  });

  it('stays off when the SDK or the traces exporter is disabled', () => {
    const endpoint = { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' };
    expect(tracingFromEnvironment({ ...endpoint, OTEL_SDK_DISABLED: 'true' })).toBeUndefined();
    expect(tracingFromEnvironment({ ...endpoint, OTEL_TRACES_EXPORTER: 'none' })).toBeUndefined();
  });
});
