/** Prometheus' usual exporter port, where a production gateway serves /metrics by default. */
export const DEFAULT_METRICS_PORT = 9464;

/**
 * Where the gateway serves /metrics: `METRICS_PORT` when set; in production (NODE_ENV=production)
 * 9464, a port of its own that is not published, so that the public port tells nobody its
 * versions, error counts and subgraph latencies; otherwise (development, tests) undefined: /metrics
 * on the gateway's port, as on every subgraph.
 */
export function metricsPortFromEnvironment(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const configured = env.METRICS_PORT;
  if (configured !== undefined && configured !== '') {
    const port = Number(configured);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error('METRICS_PORT must be a port number');
    return port;
  }
  return env.NODE_ENV === 'production' ? DEFAULT_METRICS_PORT : undefined;
}
