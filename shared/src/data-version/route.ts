import express, { type Express } from 'express';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { USER_TOKEN_HEADER, verifyUserToken } from '../auth/internal-token';
import { DATA_VERSIONS_PATH, scopesOf, type DataVersionSource, type DataVersionsResponse } from './protocol';

/**
 * `POST /data-versions`: the current versions of the scopes in the body, for the gateway only (its
 * user token, as `/graphql` requires). One statement, no GraphQL execution.
 */
export function addDataVersionsRoute<Context>(
  app: Express,
  source: DataVersionSource<Context>,
  db: DataSource,
  log: Logger,
): void {
  app.post(DATA_VERSIONS_PATH, express.json({ limit: '1mb' }), async (req, res) => {
    try {
      await verifyUserToken(req.headers[USER_TOKEN_HEADER]);
    } catch {
      res.status(401).json({ error: 'This service answers only requests sent through the gateway' });
      return;
    }
    const scopes = scopesOf(req.body);
    if (!scopes) {
      res.status(400).json({ error: 'The body must be { scopes: [{ keys?: string[] }] }' });
      return;
    }
    try {
      const versions = await source.current(db, scopes);
      res.json({ versions } satisfies DataVersionsResponse);
    } catch (error) {
      log.warn({ err: error }, 'data versions could not be read');
      res.status(503).json({ error: 'unavailable' });
    }
  });
}
