import pino, { type Logger } from 'pino';

export type { Logger };

/** Structured JSON logs, one logger per service; `LOG_LEVEL` sets the level (default info). */
export function createLogger(service: string): Logger {
  return pino({
    name: service,
    level: process.env.LOG_LEVEL ?? 'info',
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
  });
}
