import type { Logger as TypeOrmLogger, QueryRunner } from 'typeorm';
import type { Logger } from 'pino';

/**
 * TypeORM's logger, writing through pino, and counting every SQL statement the service sends:
 * tests and benchmarks read `statements` to prove that a request's cost does not grow with rows.
 */
export class CountingQueryLogger implements TypeOrmLogger {
  statements = 0;

  constructor(private readonly out: Logger) {}

  logQuery(query: string, parameters?: unknown[], _queryRunner?: QueryRunner): void {
    this.statements++;
    if (this.out.isLevelEnabled('debug')) this.out.debug({ query, parameters }, 'sql');
  }

  logQueryError(error: string | Error, query: string, parameters?: unknown[]): void {
    this.out.warn({ err: error, query, parameters }, 'sql failed');
  }

  logQuerySlow(time: number, query: string): void {
    this.out.warn({ ms: time, query }, 'slow sql');
  }

  logSchemaBuild(message: string): void {
    this.out.debug(message);
  }

  logMigration(message: string): void {
    this.out.info(message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.out.warn(String(message));
    else this.out.debug(String(message));
  }
}
