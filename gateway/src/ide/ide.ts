import express, { type Express } from 'express';
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

import { contractFiles } from '../persisted/operations';
import { IDE_ASSETS } from './bundle';
import { EXAMPLE_VARIABLES } from './examples';

/** Where the IDE is served; a browser opening /graphql is sent there. */
export const IDE_PATH = '/graphiql';

export interface IdeOptions {
  /** The built page script and styles (default gateway/dist/graphiql, made by `npm run build`). */
  assetsDir?: string;
  /** The examples opened as tabs: the client contract's operation files by default. */
  operationsDir?: string;
  /** A bearer token to put in the headers editor: development tokens only, signed per page load. */
  bearerToken?: () => Promise<string>;
}

/** What the page's script reads (browser/main.ts, `PageConfig`). */
interface IdePageConfig {
  endpoint: string;
  tabs: Array<{ query: string; variables?: string; headers: string }>;
  headers: string;
}

/**
 * Whether to serve the IDE, from `GRAPHQL_IDE` (`true`/`false`), else on with
 * `NODE_ENV=development` only. Production never serves it: asking for it there stops the start.
 */
export function ideFromEnvironment(env: NodeJS.ProcessEnv = process.env): boolean {
  const wanted = env.GRAPHQL_IDE ? env.GRAPHQL_IDE === 'true' : env.NODE_ENV === 'development';
  if (wanted && env.NODE_ENV === 'production')
    throw new Error('GRAPHQL_IDE is for development: unset it in production');
  return wanted;
}

/**
 * GraphiQL at /graphiql, from files built into the gateway (no CDN: the page loads from this
 * origin alone, which its Content-Security-Policy enforces), with each contract file open in a tab
 * (with variables that run on the demo data) and the headers editor ready for a bearer token.
 */
export function mountIde(app: Express, endpoint: string, options: IdeOptions = {}): void {
  const assetsDir = options.assetsDir ?? IDE_ASSETS;
  // Refuse to start rather than serve a page that cannot load.
  if (!existsSync(join(assetsDir, 'graphiql.js')))
    throw new Error(`The IDE is not built in ${assetsDir}: run \`npm run build\`, or set GRAPHQL_IDE=false`);
  const examples = contractFiles(options.operationsDir).map((file) => ({
    name: basename(file),
    query: readFileSync(file, 'utf8'),
    variables: EXAMPLE_VARIABLES[basename(file)],
  }));

  const router = express.Router();
  router.use((_req, res, next) => {
    res.set({
      // 'unsafe-inline' for styles only: the editors set inline styles as they lay out text.
      'content-security-policy':
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
    });
    next();
  });
  router.use('/assets', express.static(assetsDir, { index: false }));
  router.get('/', async (_req, res, next) => {
    try {
      const token = options.bearerToken ? await options.bearerToken() : '<token>';
      const headers = JSON.stringify({ Authorization: `Bearer ${token}` }, null, 2);
      const config: IdePageConfig = {
        endpoint,
        tabs: examples.map(({ query, variables }) => ({
          query,
          ...(variables ? { variables: JSON.stringify(variables, null, 2) } : {}),
          headers,
        })),
        headers,
      };
      // The page may hold a development token: never cached.
      res.type('html').set('cache-control', 'no-store').send(page(config));
    } catch (error) {
      next(error);
    }
  });
  app.use(IDE_PATH, router);

  // A browser opening the endpoint itself gets the IDE; clients asking for JSON are not affected.
  app.get(endpoint, (req, res, next) => {
    const plainVisit = req.query.query === undefined && req.query.extensions === undefined;
    if (plainVisit && req.accepts(['application/json', 'text/html']) === 'text/html') return res.redirect(IDE_PATH);
    next();
  });
}

function page(config: IdePageConfig): string {
  // `<` escaped so that no operation text can close the script element.
  const json = JSON.stringify(config).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="vi">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Giao Việc · GraphiQL</title>
    <link rel="icon" href="/favicon.ico" />
    <link rel="stylesheet" href="${IDE_PATH}/assets/graphiql.css" />
    <style>
      body { margin: 0; }
      #graphiql { height: 100dvh; }
    </style>
  </head>
  <body>
    <div id="graphiql">Đang tải GraphiQL… (Loading GraphiQL…)</div>
    <script id="giaoviec-ide-config" type="application/json">${json}</script>
    <script src="${IDE_PATH}/assets/graphiql.js"></script>
  </body>
</html>
`;
}
