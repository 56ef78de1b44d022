import { type Logger } from '@giaoviec/shared';
import express, { type Request, type Response, type Router } from 'express';
import { resolve } from 'node:path';

import { contractQueries, CONTRACT_OPERATIONS_DIR } from './operations';
import { reportRoutes } from './report-route';

/** The page's files, served from the sources (src/ and dist/ alike): no build step, no copy. */
const PUBLIC_DIR = resolve(__dirname, '../../src/dashboard/public');
/** The page's own queries, outside the client contract (decision 0038), read from the sources too. */
export const OWN_OPERATIONS_DIR = resolve(__dirname, '../../src/dashboard/own-operations');

/** The site's icon (`GV` in the province's colours), for every page of this origin. */
export function favicon(_req: Request, res: Response): void {
  res.type('image/x-icon').set('cache-control', 'public, max-age=86400').sendFile(resolve(PUBLIC_DIR, 'favicon.ico'));
}

/**
 * The reference leadership dashboard at /dashboard: static files, and the contract's queries at
 * /dashboard/operations.json so that the page sends exactly the contract's text. The page calls
 * only the public /graphql endpoint, with the user's own bearer token.
 */
export function dashboardRouter(
  log: Logger,
  options: { operationsDir?: string; ownOperationsDir?: string } = {},
): Router {
  // Read once, at start. Without the contract the page cannot work, but the API still can: say so
  // in the log and to the page, and keep the gateway up.
  let operations: string | undefined;
  try {
    const contract = contractQueries(options.operationsDir ?? CONTRACT_OPERATIONS_DIR);
    const own = contractQueries(options.ownOperationsDir ?? OWN_OPERATIONS_DIR);
    // Never a contract name for an operation of the page's own: a client could not tell them apart.
    const clash = Object.keys(own).find((name) => name in contract);
    if (clash) throw new Error(`the dashboard's own ${clash} has a contract operation's name`);
    operations = JSON.stringify({ ...contract, ...own });
  } catch (error) {
    log.error({ err: error }, 'dashboard: the contract operations could not be read');
  }
  const router = express.Router({ strict: true });
  router.use((_req, res, next) => {
    // Everything from this origin, nothing from elsewhere: the page works offline and leaks nothing.
    res.set({
      'content-security-policy':
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
    });
    next();
  });
  // Relative links in the page need the trailing slash.
  router.get('/', (req, res, next) => {
    if (new URL(req.originalUrl, 'http://localhost').pathname.endsWith('/')) return next();
    res.redirect(308, `${req.baseUrl}/`);
  });
  router.get('/operations.json', (_req, res) => {
    if (operations === undefined) {
      res.status(503).json({
        errors: [{ message: 'The contract operations are unavailable', extensions: { code: 'CONTRACT_UNAVAILABLE' } }],
      });
      return;
    }
    res.type('application/json; charset=utf-8').set('cache-control', 'no-cache').send(operations);
  });
  router.use(reportRoutes(log));
  router.use(
    express.static(PUBLIC_DIR, {
      index: 'index.html',
      setHeaders: (res) => res.set('cache-control', 'no-cache'),
    }),
  );
  return router;
}
