import { bundleIde, ideFromEnvironment, IDE_PATH } from '@giaoviec/gateway';
import type { RunningServer } from '@giaoviec/shared';
import { Kind, parse, type OperationDefinitionNode } from 'graphql';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestStack, type TestStack } from './harness/stack';
import { testToken } from './harness/tokens';

/**
 * GraphiQL served by the gateway itself in development, from a bundle built from the current
 * sources (as `npm run build` does), loading nothing from outside the gateway.
 */
const CONTRACT = join(__dirname, '../contract/operations');
let stack: TestStack;
let ide: RunningServer;
let assets: string;
const token = testToken({ sub: 'ide-1', roles: ['OFFICE'] });

beforeAll(async () => {
  assets = await mkdtemp(join(tmpdir(), 'giaoviec-ide-'));
  await bundleIde(assets);
  stack = await startTestStack({ demoData: true });
  ide = await stack.anotherGateway({ introspection: true, ide: { assetsDir: assets, bearerToken: () => token } });
}, 120_000);

afterAll(async () => {
  await ide?.stop();
  await stack?.stop();
  await rm(assets, { recursive: true, force: true });
});

const origin = (server: RunningServer) => new URL(server.url).origin;

async function page(): Promise<{ html: string; response: Response }> {
  const response = await fetch(`${origin(ide)}${IDE_PATH}`);
  return { html: await response.text(), response };
}

/** The page's settings, as its script reads them. */
function configOf(html: string): {
  endpoint: string;
  tabs: Array<{ query: string; variables?: string; headers: string }>;
} {
  const json = /<script id="giaoviec-ide-config" type="application\/json">(.*?)<\/script>/s.exec(html)?.[1];
  if (!json) throw new Error('no configuration in the page');
  return JSON.parse(json);
}

/** Every `src` and `href` of the page. */
const linksOf = (html: string) => [...html.matchAll(/\s(?:src|href)="([^"]*)"/g)].map((match) => match[1]!);

describe('the IDE in development', () => {
  it('serves the page with every contract operation open, and its script and styles', async () => {
    const { html, response } = await page();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    const files = (await readdir(CONTRACT)).filter((file) => file.endsWith('.graphql'));
    const { tabs } = configOf(html);
    expect(tabs).toHaveLength(files.length);
    for (const file of files) {
      const names = parse(await readFile(join(CONTRACT, file), 'utf8'))
        .definitions.filter((node): node is OperationDefinitionNode => node.kind === Kind.OPERATION_DEFINITION)
        .map((operation) => operation.name!.value);
      for (const name of names) {
        expect(html).toMatch(new RegExp(`(query|mutation) ${name}\\b`));
        expect(tabs.some((tab) => tab.query.includes(` ${name}(`) || tab.query.includes(` ${name} {`))).toBe(true);
      }
    }

    const script = linksOf(html).find((link) => link.endsWith('.js'));
    const styles = linksOf(html).find((link) => link.endsWith('.css'));
    const js = await fetch(`${origin(ide)}${script}`);
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toMatch(/^(text|application)\/javascript/);
    expect(await js.text()).toContain('graphiql-container');
    const css = await fetch(`${origin(ide)}${styles}`);
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toMatch(/^text\/css/);
    expect(await css.text()).toContain('.graphiql-container');
  });

  it('loads nothing from outside the gateway: no external script, style, font or import', async () => {
    const { html } = await page();
    // Every address of the page is on the gateway, but for inline data (the empty favicon).
    const links = linksOf(html).filter((link) => !link.startsWith('data:'));
    expect(links.length).toBeGreaterThanOrEqual(2);
    for (const link of links) expect(link).toMatch(/^\/(?!\/)/);
    for (const link of links) expect((await fetch(`${origin(ide)}${link}`)).status).toBe(200);

    const css = await (await fetch(`${origin(ide)}${links.find((link) => link.endsWith('.css'))}`)).text();
    expect(css).not.toMatch(/@import/);
    const urls = [...css.matchAll(/url\(\s*["']?([^"')]*)/g)].map((match) => match[1]!);
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) expect(url).toMatch(/^data:/);

    const js = await (await fetch(`${origin(ide)}${links.find((link) => link.endsWith('.js'))}`)).text();
    // Addresses the script could load code, styles or fonts from; documentation links do not count.
    expect(js.match(/["'`]https?:\/\/[^"'`\s]*\.(?:m?js|css|woff2?|ttf|otf)(?:\?[^"'`]*)?["'`]/g)).toBeNull();
    expect(js.match(/(?:src|href)\s*=\s*["'`]https?:/g)).toBeNull();
    expect(js).not.toMatch(/import\(\s*["'`]https?:/);
  });

  it('fills the headers editor with the bearer token, which runs the examples against /graphql', async () => {
    const { endpoint, tabs } = configOf((await page()).html);
    const organisations = tabs.find((tab) => tab.query.includes('query Organisations('))!;
    const headers = JSON.parse(organisations.headers) as Record<string, string>;
    expect(headers).toEqual({ Authorization: `Bearer ${await token}` });
    const response = await fetch(new URL(endpoint, origin(ide)), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query: organisations.query, operationName: 'Organisations', variables: {} }),
    });
    const body = (await response.json()) as { data?: { organisations: unknown[] }; errors?: unknown[] };
    expect(body.errors).toBeUndefined();
    expect(Array.isArray(body.data?.organisations)).toBe(true);
  });

  it('opens each tab with variables on which its queries run against the demo data', async () => {
    const { endpoint, tabs } = configOf((await page()).html);
    // The files whose domain has landed (supergraph.test.ts, DUE): each query answers, with data.
    const due = ['compliance', 'events', 'history', 'inspections', 'organisations', 'reports', 'tasks'];
    let ran = 0;
    for (const file of (await readdir(CONTRACT)).filter((name) => name.endsWith('.graphql'))) {
      const text = await readFile(join(CONTRACT, file), 'utf8');
      const tab = tabs.find((candidate) => candidate.query === text)!;
      const queries = parse(tab.query).definitions.filter(
        (definition): definition is OperationDefinitionNode =>
          definition.kind === Kind.OPERATION_DEFINITION && definition.operation === 'query',
      );
      if (queries.length === 0) continue;
      expect([file, typeof tab.variables]).toEqual([file, 'string']);
      if (!due.includes(file.replace('.graphql', ''))) continue;
      for (const operation of queries) {
        const name = operation.name?.value;
        const response = await fetch(new URL(endpoint, origin(ide)), {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(JSON.parse(tab.headers) as Record<string, string>) },
          body: JSON.stringify({ query: tab.query, operationName: name, variables: JSON.parse(tab.variables!) }),
        });
        const body = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
        expect([name, body.errors]).toEqual([name, undefined]);
        // Something to see, not nulls: the example finds data.
        expect([name, Object.values(body.data ?? {}).every((value) => value !== null)]).toEqual([name, true]);
        ran++;
      }
    }
    expect(ran).toBeGreaterThanOrEqual(12);
  });

  it('sends a browser opening /graphql to the IDE, and leaves API clients alone', async () => {
    const browser = await fetch(ide.url, { headers: { accept: 'text/html,*/*;q=0.8' }, redirect: 'manual' });
    expect(browser.status).toBe(302);
    expect(browser.headers.get('location')).toBe(IDE_PATH);
    const client = await fetch(ide.url, { headers: { accept: 'application/json' }, redirect: 'manual' });
    expect(client.status).toBe(400);
  });
});

describe('the IDE with production settings', () => {
  it('is off unless in development, and production refuses to turn it on', () => {
    expect(ideFromEnvironment({ NODE_ENV: 'production' })).toBe(false);
    expect(ideFromEnvironment({})).toBe(false);
    expect(ideFromEnvironment({ NODE_ENV: 'development' })).toBe(true);
    expect(ideFromEnvironment({ NODE_ENV: 'development', GRAPHQL_IDE: 'false' })).toBe(false);
    expect(() => ideFromEnvironment({ NODE_ENV: 'production', GRAPHQL_IDE: 'true' })).toThrow(/development/);
  });

  it('is not served: the page and its files answer 404, /graphql does not redirect', async () => {
    // Configured as the gateway's process does it, with the bundle present.
    const gateway = await stack.anotherGateway({
      ide: ideFromEnvironment({ NODE_ENV: 'production' }) ? { assetsDir: assets } : undefined,
    });
    try {
      await expectNoIde(gateway);
    } finally {
      await gateway.stop();
    }
  });
});

async function expectNoIde(gateway: RunningServer): Promise<void> {
  const production = origin(gateway);
  for (const path of [IDE_PATH, `${IDE_PATH}/`, `${IDE_PATH}/assets/graphiql.js`, `${IDE_PATH}/assets/graphiql.css`]) {
    expect((await fetch(`${production}${path}`)).status).toBe(404);
  }
  const browser = await fetch(gateway.url, { headers: { accept: 'text/html' }, redirect: 'manual' });
  expect(browser.status).toBe(400);
}
