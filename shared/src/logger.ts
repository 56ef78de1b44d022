import pino, { type DestinationStream, type Logger } from 'pino';
import { traceLogFields } from './telemetry/tracing';

export type { Logger };

/**
 * Structured JSON logs, one logger per service; `LOG_LEVEL` sets the level (default info).
 * `destination` (default standard output) lets tests read what was logged. With tracing on, lines
 * logged during a traced request carry its `traceId` and `spanId`.
 */
export function createLogger(service: string, destination?: DestinationStream): Logger {
  const options = {
    name: service,
    level: process.env.LOG_LEVEL ?? 'info',
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    mixin: traceLogFields,
  };
  return destination ? pino(options, destination) : pino(options);
}
