import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kind, parse, print } from 'graphql';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

import { CHROMIUM, chromiumPresent, describeInBrowser, missingChromium } from './harness/browser';
import { contractOperation } from './harness/graphql-client';
import { startTestStack, type TestStack } from './harness/stack';
import { testToken } from './harness/tokens';

/**
 * The reference dashboard at /dashboard, driven in Debian's Chromium (headless) against the demo
 * data: the figures, sorting, the charts, a unit's overdue tasks and inspections, visible errors,
 * and that it sends only contract operations, only to this origin.
 */
const ARTIFACTS = join(__dirname, '../artifacts');
const FROM = '2017-01-01';
const TO = '2017-10-15';
const AS_OF = '2017-10-15';
const KINDS = ['DEPARTMENT', 'DISTRICT'];
/** Where each query the page may send lives in the contract. */
const CONTRACT_FILES: Record<string, string> = {
  LeadershipCompliance: 'compliance.graphql',
  ProvinceCompliance: 'compliance.graphql',
  OrganisationsAsOf: 'history.graphql',
  OverdueTasks: 'tasks.graphql',
  UnitInspections: 'inspections.graphql',
  CoordinationFigures: 'coordination.graphql',
  InternalCompliance: 'coordination.graphql',
  FollowUpFigures: 'follow-up.graphql',
};
/** The page's own queries, outside the contract (decision 0038), by the file they live in. */
const OWN_FILES: Record<string, string> = { AwaitingDecision: 'waiting.graphql' };
const OWN_OPERATIONS = join(__dirname, '../../gateway/src/dashboard/own-operations');
const ownOperation = (file: string, name: string) => {
  const operation = parse(readFileSync(join(OWN_OPERATIONS, file), 'utf8')).definitions.find(
    (definition) => definition.kind === Kind.OPERATION_DEFINITION && definition.name?.value === name,
  );
  if (!operation) throw new Error(`no operation ${name} in ${file}`);
  return print({ kind: Kind.DOCUMENT, definitions: [operation] });
};

describeInBrowser('dashboard.e2e')('the reference dashboard', () => {
  let stack: TestStack;
  let context: BrowserContext;
  let page: Page;
  let profile: string;
  let token: string;
  let origin: string;
  const requests: Array<{ url: string; method: string; authorization?: string; body: string | null }> = [];
  /** Uncaught exceptions and refusals by the page's Content-Security-Policy. */
  const pageProblems: string[] = [];

  beforeAll(async () => {
    // In CI the browser test must run: a missing browser is a failure, not a skip.
    if (!chromiumPresent) throw missingChromium();
    // The demo reaches 10 March 2026, the day a newcomer opens the page below.
    stack = await startTestStack({ demoData: true, demoToday: '2026-03-10' });
    origin = new URL(stack.gateway.url).origin;
    token = await testToken({ sub: 'leader-1', name: 'Lãnh đạo UBND tỉnh', roles: ['LEADER'] });
    profile = mkdtempSync(join(tmpdir(), 'giaoviec-chromium-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
      viewport: { width: 1440, height: 900 },
      // The browser's own zone is UTC: the page must still count days in Asia/Ho_Chi_Minh.
      timezoneId: 'UTC',
      locale: 'vi-VN',
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.on('request', (request) =>
      requests.push({
        url: request.url(),
        method: request.method(),
        authorization: request.headers().authorization,
        body: request.postData(),
      }),
    );
    page.on('pageerror', (error) => pageProblems.push(error.message));
    page.on('console', (message) => {
      if (message.text().includes('Content Security Policy')) pageProblems.push(message.text());
    });
    // 18:30 UTC on the 14th is 01:30 on the 15th in Việt Nam.
    await page.clock.setFixedTime(new Date('2017-10-14T18:30:00Z'));
  });

  afterAll(async () => {
    await context?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
    await stack?.stop();
  });

  /** The codes of the units of the dashboard's kinds as they stood on a day. */
  const unitsOn = async (day: string) => {
    const { organisations } = await stack.gateway.client.data(
      contractOperation('history.graphql', 'OrganisationsAsOf'),
      {
        asOf: day,
        kinds: KINDS,
      },
    );
    return new Set<string>(organisations.map((unit: any) => unit.code));
  };

  const waitForLoad = (from: string, to: string, asOf: string) =>
    page.waitForSelector(`#main[data-loaded="${from}..${to}@${asOf}"]`);

  /** The table as shown: one entry per row, figures as numbers (vi-VN groups thousands with '.'). */
  const tableRows = () =>
    page.$$eval('#units tbody tr', (rows) =>
      rows.map((row) => {
        const cell = (key: string) => row.querySelector(`td[data-key="${key}"]`)?.textContent ?? '';
        const figure = (key: string) => Number(cell(key).replace(/\./g, ''));
        return {
          code: row.getAttribute('data-code')!,
          name: row.querySelector('th')?.textContent ?? '',
          assigned: figure('assigned'),
          completedOnTime: figure('completedOnTime'),
          completedLate: figure('completedLate'),
          inProgressWithinDeadline: figure('inProgressWithinDeadline'),
          inProgressOverdue: figure('inProgressOverdue'),
        };
      }),
    );

  it('opens on today in Việt Nam, and shows every department and district with its figures', async () => {
    const response = await page.goto(`${origin}/dashboard`);
    expect(response?.status()).toBe(200);
    expect(page.url()).toBe(`${origin}/dashboard/`);
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    expect(await page.inputValue('#to')).toBe('2017-10-15');
    expect(await page.inputValue('#as-of')).toBe('2017-10-15');
    expect(await page.inputValue('#from')).toBe('2017-01-01');
    await expect(page.textContent('#filters')).resolves.toContain('Kỳ báo cáo');

    await page.fill('#token', token);
    await page.click('#token-form button[type=submit]');
    expect(await page.evaluate("sessionStorage.getItem('giaoviec.dashboard.token')")).toBe(token);
    await page.fill('#from', FROM);
    await page.fill('#to', TO);
    await page.fill('#as-of', AS_OF);
    await page.click('#load');
    await waitForLoad(FROM, TO, AS_OF);
    expect(await page.isHidden('#errors')).toBe(true);

    const rows = await tableRows();
    const construction = rows.find((row) => row.code === 'SXD');
    expect(construction).toMatchObject({ name: 'Sở Xây dựng', assigned: 134, completedOnTime: 106, completedLate: 21 });
    // Beside its own figures, its record as a coordinating unit, as the API counts it.
    const coordinated = await stack.gateway.client.data(
      contractOperation('coordination.graphql', 'CoordinationFigures'),
      {
        kinds: KINDS,
        from: FROM,
        to: TO,
        asOf: AS_OF,
      },
    );
    const sxd = coordinated.organisations.find((unit: any) => unit.code === 'SXD').coordinationCompliance;
    const shownRequested = await page.textContent('#units tr[data-code="SXD"] td[data-key="coordinationRequested"]');
    expect(Number(shownRequested?.replace(/\./g, ''))).toBe(sxd.requested);
    const headers = await page.$$eval('#units thead th', (cells) => cells.map((cell) => cell.textContent));
    expect(headers).toEqual(
      expect.arrayContaining(['Hoàn thành đúng hạn', 'Hoàn thành trễ hạn', 'Đang thực hiện trong hạn', 'Quá hạn']),
    );

    // Every unit of the period (as it stood at its end), with the API's figures: nothing dropped,
    // nothing computed differently, no unit created after it.
    const api = await stack.gateway.client.data(contractOperation('compliance.graphql', 'LeadershipCompliance'), {
      kinds: KINDS,
      from: FROM,
      to: TO,
      asOf: AS_OF,
    });
    const then = await unitsOn(TO);
    expect(api.organisations.length).toBeGreaterThan(then.size);
    const expected = api.organisations
      .filter((unit: any) => then.has(unit.code))
      .map((unit: any) => ({
        code: unit.code,
        name: unit.name,
        assigned: unit.compliance.assigned,
        completedOnTime: unit.compliance.completedOnTime,
        completedLate: unit.compliance.completedLate,
        inProgressWithinDeadline: unit.compliance.inProgressWithinDeadline,
        inProgressOverdue: unit.compliance.inProgressOverdue,
      }));
    expect(expected.length).toBeGreaterThan(10);
    const byCode = (a: { code: string }, b: { code: string }) => a.code.localeCompare(b.code);
    expect([...rows].sort(byCode)).toEqual([...expected].sort(byCode));

    const province = await stack.gateway.client.data(contractOperation('compliance.graphql', 'ProvinceCompliance'), {
      from: FROM,
      to: TO,
      asOf: AS_OF,
    });
    const shownTotal = await page.textContent('#totals [data-figure="assigned"] strong');
    expect(Number(shownTotal?.replace(/\./g, ''))).toBe(province.complianceSummary.totals.assigned);
  });

  it('sorts by the column header clicked, largest first, then the other way', async () => {
    const before = (await tableRows()).map((row) => row.code);
    await page.click('#units th[data-key="inProgressOverdue"] button');
    expect(await page.getAttribute('#units th[data-key="inProgressOverdue"]', 'aria-sort')).toBe('descending');
    const descending = (await tableRows()).map((row) => row.inProgressOverdue);
    expect(descending).toEqual([...descending].sort((a, b) => b - a));
    expect((await tableRows()).map((row) => row.code)).not.toEqual(before);

    await page.click('#units th[data-key="inProgressOverdue"] button');
    expect(await page.getAttribute('#units th[data-key="inProgressOverdue"]', 'aria-sort')).toBe('ascending');
    const ascending = (await tableRows()).map((row) => row.inProgressOverdue);
    expect(ascending).toEqual([...ascending].sort((a, b) => a - b));

    await page.click('#units th[data-key="assigned"] button');
    const assigned = (await tableRows()).map((row) => row.assigned);
    expect(assigned).toEqual([...assigned].sort((a, b) => b - a));
  });

  it('draws each unit as a stacked bar of the four buckets, in the order of the table', async () => {
    const tableOrder = (await tableRows()).map((row) => row.code);
    const bars = await page.$$eval('#bars g.bar', (groups) =>
      groups.map((group) => ({
        code: group.getAttribute('data-code'),
        segments: Object.fromEntries(
          [...group.querySelectorAll('rect')].map((rect) => [
            rect.dataset.bucket,
            { value: Number(rect.dataset.value), width: Number(rect.getAttribute('width')) },
          ]),
        ),
      })),
    );
    expect(bars.map((bar) => bar.code)).toEqual(tableOrder);
    const construction = bars.find((bar) => bar.code === 'SXD')!.segments;
    expect(construction.completedOnTime!.value).toBe(106);
    expect(construction.completedLate!.value).toBe(21);
    expect(construction.completedOnTime!.width / construction.completedLate!.width).toBeCloseTo(106 / 21, 5);
  });

  it('draws the trend by month of assignment as complianceSummary.byMonth counts it', async () => {
    const summary = await stack.gateway.client.data(
      `query ($from: Date!, $to: Date!, $asOf: Date) {
        complianceSummary(from: $from, to: $to, asOf: $asOf) {
          byMonth { month figures { assigned completedOnTime completedLate inProgressOverdue } }
        }
      }`,
      { from: FROM, to: TO, asOf: AS_OF },
    );
    const byMonth = new Map<string, Record<string, number>>(
      summary.complianceSummary.byMonth.map((entry: any) => [entry.month, entry.figures]),
    );
    expect(byMonth.size).toBeGreaterThan(0);
    for (const series of ['assigned', 'completedOnTime', 'completedLate', 'inProgressOverdue']) {
      const points = await page.$$eval(`#trend g[data-series="${series}"] circle`, (circles) =>
        circles.map((circle) => [circle.dataset.month!, Number(circle.dataset.value)] as const),
      );
      expect(points.map(([month]) => month)).toEqual([
        '2017-01',
        '2017-02',
        '2017-03',
        '2017-04',
        '2017-05',
        '2017-06',
        '2017-07',
        '2017-08',
        '2017-09',
        '2017-10',
      ]);
      for (const [month, value] of points) expect([month, value]).toEqual([month, byMonth.get(month)?.[series] ?? 0]);
    }
  });

  it("opens a unit's overdue tasks and its inspections", async () => {
    const unit = (
      await stack.gateway.client.data(contractOperation('compliance.graphql', 'LeadershipCompliance'), {
        kinds: ['DEPARTMENT'],
        from: FROM,
        to: TO,
        asOf: AS_OF,
      })
    ).organisations.find((organisation: any) => organisation.code === 'SXD');
    const overdue = await stack.gateway.client.data(contractOperation('tasks.graphql', 'OverdueTasks'), {
      organisationId: unit.id,
      asOf: AS_OF,
      first: 20,
    });
    const inspections = await stack.gateway.client.data(contractOperation('inspections.graphql', 'UnitInspections'), {
      organisationId: unit.id,
    });
    expect(overdue.tasks.totalCount).toBe(unit.compliance.inProgressOverdue);
    expect(inspections.organisation.inspections.length).toBeGreaterThan(0);

    await page.click('#units tr[data-code="SXD"] button.unit');
    await page.waitForSelector(`#detail[data-loaded="${unit.id}"]`);
    expect(await page.textContent('#detail-title')).toBe('Sở Xây dựng');
    expect(await page.getAttribute('#overdue .count', 'data-total')).toBe(String(overdue.tasks.totalCount));
    expect(await page.$$eval('#overdue li .task-title', (items) => items.map((item) => item.textContent))).toEqual(
      overdue.tasks.edges.map(({ node }: any) => node.title),
    );
    const shownInspections = await page.$$eval('#inspections tbody tr', (rows) =>
      rows.map((row) => ({ id: row.getAttribute('data-id'), date: row.querySelector('td')?.textContent })),
    );
    expect(shownInspections).toEqual(
      inspections.organisation.inspections.map((inspection: any) => ({
        id: inspection.id,
        date: inspection.inspectedOn.split('-').reverse().join('/'),
      })),
    );

    // Its divisions (phòng), with the figures of the tasks delegated to them.
    expect(
      await page.$$eval('#divisions tbody tr', (rows) => rows.map((row) => row.getAttribute('data-code'))),
    ).toEqual(['SXD-HTKT', 'SXD-QHKT', 'SXD-QLXD']);
    // The unit's reminders and requests for explanation of the period, as the API counts them.
    const { organisations } = await stack.gateway.client.data(
      contractOperation('follow-up.graphql', 'FollowUpFigures'),
      {
        kinds: ['DEPARTMENT'],
        from: FROM,
        to: TO,
        asOf: AS_OF,
      },
    );
    const followUp = organisations.find((organisation: any) => organisation.id === unit.id).followUp;
    expect(followUp.reminders).toBeGreaterThan(0);
    const shownFollowUp = await page.$$eval('#follow-up dd', (cells) =>
      Object.fromEntries(cells.map((cell) => [cell.dataset.key, cell.textContent])),
    );
    expect(shownFollowUp).toEqual({
      reminders: followUp.reminders.toLocaleString('vi-VN'),
      explanationsRequested: followUp.explanationsRequested.toLocaleString('vi-VN'),
      explanationsAnsweredOnTime: followUp.explanationsAnsweredOnTime.toLocaleString('vi-VN'),
      explanationsAnsweredLate: followUp.explanationsAnsweredLate.toLocaleString('vi-VN'),
      explanationsOverdue: followUp.explanationsOverdue.toLocaleString('vi-VN'),
      open: (
        followUp.explanationsRequested -
        followUp.explanationsAnsweredOnTime -
        followUp.explanationsAnsweredLate
      ).toLocaleString('vi-VN'),
    });

    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard.png'), fullPage: true });
  });

  it('shows OFFICE what waits for its decision, and a leader nothing of it', async () => {
    expect(await page.isHidden('#awaiting')).toBe(true); // the leader's load
    const office = stack.gateway.client;
    const awaiting = async () =>
      (
        await office.data<{ tasks: any }>(
          `query { tasks(filter: { awaitingDecision: true, asOf: "${AS_OF}" }, first: 20) { totalCount edges { node { id status } } } }`,
        )
      ).tasks;
    const before = await awaiting();
    // A unit reports a demo task done: one more completion waiting for the People's Committee's office.
    const { tasks } = await office.data<{ tasks: any }>(
      `query { tasks(filter: { status: [IN_PROGRESS], assignedTo: "2017-09-30", asOf: "${AS_OF}" }, first: 1) { edges { node { id leadOrganisation { id } } } } }`,
    );
    const task = tasks.edges[0].node;
    await stack
      .as({ roles: ['UNIT'], org: task.leadOrganisation.id })
      .data(contractOperation('tasks.graphql', 'SubmitCompletion'), {
        input: { taskId: task.id, completedOn: '2017-10-14', note: 'Đã xong' },
      });
    const waiting = await awaiting();
    expect(waiting.totalCount).toBe(before.totalCount + 1);

    await page.fill('#token', await testToken({ sub: 'office-1', name: 'Văn phòng UBND tỉnh', roles: ['OFFICE'] }));
    await page.click('#token-form button[type=submit]');
    await waitForLoad(FROM, TO, AS_OF);
    expect(await page.isVisible('#awaiting')).toBe(true);
    expect(await page.getAttribute('#awaiting-count', 'data-total')).toBe(String(waiting.totalCount));
    const shown = await page.$$eval('#awaiting-list li', (items) =>
      items.map((item) => ({
        id: item.getAttribute('data-id'),
        status: item.getAttribute('data-status'),
        text: item.textContent ?? '',
      })),
    );
    expect(shown.map(({ id, status }) => ({ id, status }))).toEqual(waiting.edges.map((edge: any) => edge.node));
    for (const item of shown)
      expect(item.text).toContain(
        item.status === 'COMPLETION_SUBMITTED' ? 'Báo cáo hoàn thành chờ xác nhận' : 'Đề nghị gia hạn chờ quyết định',
      );
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-office.png'), fullPage: true });
  });

  it('shows a GraphQL error with its message and code', async () => {
    await page.fill('#token', 'not-a-token');
    await page.click('#token-form button[type=submit]');
    const error = await page.waitForSelector('#errors .error[data-code="UNAUTHENTICATED"]');
    expect(await error.isVisible()).toBe(true);
    expect(await error.textContent()).toMatch(/UNAUTHENTICATED/);
  });

  it('downloads the period’s report (.docx) through the gateway with the user’s token', async () => {
    await page.fill('#token', token);
    await page.click('#token-form button[type=submit]');
    await page.fill('#from', FROM);
    await page.fill('#to', TO);
    await page.fill('#as-of', AS_OF);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-docx')]);
    expect(download.suggestedFilename()).toBe(`bao-cao-${FROM}-${TO}.docx`);
    const report = requests.find((request) => new URL(request.url).pathname === '/dashboard/report.docx');
    expect(report?.authorization).toBe(`Bearer ${token}`);
  });

  it('a newcomer who opens it today sees this year’s figures, by the units of today', async () => {
    await page.clock.setFixedTime(new Date('2026-03-10T03:00:00Z'));
    await page.click('#token-clear');
    await page.goto(`${origin}/dashboard/`);
    expect(await page.inputValue('#to')).toBe('2026-03-10');
    await page.fill('#token', token);
    await page.click('#token-form button[type=submit]');
    await waitForLoad('2026-01-01', '2026-03-10', '2026-03-10');
    const rows = await tableRows();
    expect(rows.filter((row) => row.assigned > 0).length).toBeGreaterThan(5);
    // Only the units of today: the districts abolished in 2025 are gone.
    expect(rows.map((row) => row.code).sort()).toEqual([...(await unitsOn('2026-03-10'))].sort());
  });

  it('a year with no task yet opens on the latest year with tasks', async () => {
    // 2027: the demo's tasks end on 10 March 2026.
    await page.clock.setFixedTime(new Date('2027-02-01T03:00:00Z'));
    await page.goto(`${origin}/dashboard/`);
    await waitForLoad('2026-01-01', '2026-12-31', '2026-12-31');
    expect((await tableRows()).filter((row) => row.assigned > 0).length).toBeGreaterThan(5);
  });

  it('sent only contract operations with the user token, nothing left this machine, nothing failed', () => {
    expect(pageProblems).toEqual([]);
    expect(requests.length).toBeGreaterThan(10);
    for (const request of requests) expect(new URL(request.url).origin).toBe(origin);
    const graphql = requests.filter((request) => new URL(request.url).pathname === '/graphql');
    expect(graphql.length).toBeGreaterThan(5);
    for (const request of graphql) {
      const { query, operationName } = JSON.parse(request.body ?? '{}');
      const file = CONTRACT_FILES[operationName];
      const own = OWN_FILES[operationName];
      expect(file ?? own).toBeDefined();
      expect(print(parse(query))).toBe(
        file ? contractOperation(file, operationName) : ownOperation(own!, operationName),
      );
      expect(request.authorization).toMatch(/^Bearer /);
    }
    expect(graphql.filter((request) => request.authorization === `Bearer ${token}`).length).toBeGreaterThan(5);
  });
});
