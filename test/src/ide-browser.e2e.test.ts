import { bundleIde, IDE_PATH } from '@giaoviec/gateway';
import type { RunningServer } from '@giaoviec/shared';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM, chromiumPresent, describeInBrowser, missingChromium } from './harness/browser';
import { startTestStack, type TestStack } from './harness/stack';
import { testToken } from './harness/tokens';

/**
 * GraphiQL in a real browser whose every request outside the gateway is blocked and recorded, as
 * on a closed government network: the page must load, fetch the schema with the prefilled token,
 * and run a contract operation.
 */
describeInBrowser('ide-browser.e2e')('GraphiQL in a browser', () => {
  let stack: TestStack;
  let ide: RunningServer;
  let assets: string;
  let browser: Browser;
  const token = testToken({ sub: 'ide-1', roles: ['OFFICE'] });

  beforeAll(async () => {
    if (!chromiumPresent) throw missingChromium();
    assets = await mkdtemp(join(tmpdir(), 'giaoviec-ide-'));
    await bundleIde(assets);
    stack = await startTestStack();
    ide = await stack.anotherGateway({ introspection: true, ide: { assetsDir: assets, bearerToken: () => token } });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await ide?.stop();
    await stack?.stop();
    if (assets) await rm(assets, { recursive: true, force: true });
  });

  it('loads from the gateway alone, fetches the schema and runs a contract operation', async () => {
    const origin = new URL(ide.url).origin;
    const context = await browser.newContext();
    const elsewhere: string[] = [];
    await context.route('**/*', (route) => {
      if (new URL(route.request().url()).origin === origin) return route.continue();
      elsewhere.push(route.request().url());
      return route.abort();
    });
    const failures: string[] = [];
    const page = await context.newPage();
    page.on('pageerror', (error) => failures.push(error.message));
    page.on('response', (response) => {
      if (response.status() >= 400) failures.push(`${response.status()} ${response.url()}`);
    });
    const graphql: Array<Promise<{ authorization?: string; body: string | null }>> = [];
    page.on('request', (request) => {
      if (request.url() === ide.url)
        graphql.push(request.allHeaders().then(({ authorization }) => ({ authorization, body: request.postData() })));
    });

    await page.goto(`${origin}${IDE_PATH}`);
    const tabs = page.locator('.graphiql-tab');
    await tabs.first().waitFor();
    const titles = await tabs.allInnerTexts();
    expect(titles).toEqual(expect.arrayContaining(['LeadershipCompliance', 'Organisations', 'AssignTask']));

    await tabs.nth(titles.indexOf('Organisations')).locator('button').first().click();
    await page.locator('.graphiql-execute-button').click();
    // The tab holds several operations: GraphiQL asks which one.
    await page.getByRole('menuitem', { name: 'Organisations', exact: true }).click();
    await page.locator('.result-window').getByText('"organisations"').waitFor();
    expect(await page.locator('.result-window').innerText()).not.toContain('"errors"');

    const sent = await Promise.all(graphql);
    expect(sent.some(({ body }) => body?.includes('IntrospectionQuery'))).toBe(true);
    expect(sent.some(({ body }) => body?.includes('"operationName":"Organisations"'))).toBe(true);
    for (const { authorization } of sent) expect(authorization).toBe(`Bearer ${await token}`);
    expect(elsewhere).toEqual([]);
    expect(failures).toEqual([]);
    await context.close();
  });
});
