import { DEFAULT_METRICS_PORT, metricsPortFromEnvironment } from './metrics-port';

describe('metricsPortFromEnvironment', () => {
  it('in production, a port of its own: METRICS_PORT, else 9464', () => {
    expect(metricsPortFromEnvironment({ NODE_ENV: 'production' })).toBe(DEFAULT_METRICS_PORT);
    expect(metricsPortFromEnvironment({ NODE_ENV: 'production', METRICS_PORT: '9100' })).toBe(9100);
  });

  it('elsewhere, the gateway’s own port unless METRICS_PORT is set', () => {
    expect(metricsPortFromEnvironment({ NODE_ENV: 'development' })).toBeUndefined();
    expect(metricsPortFromEnvironment({})).toBeUndefined();
    expect(metricsPortFromEnvironment({ METRICS_PORT: '0' })).toBe(0);
  });

  it('refuses what is not a port', () => {
    expect(() => metricsPortFromEnvironment({ METRICS_PORT: 'abc' })).toThrow(/METRICS_PORT/);
    expect(() => metricsPortFromEnvironment({ METRICS_PORT: '70000' })).toThrow(/METRICS_PORT/);
  });
});
