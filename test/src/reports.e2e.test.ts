import { contractOperation } from './harness/graphql-client';
import { startTestStack, type TestStack } from './harness/stack';

/** Reporting periods and breakdowns (reports.graphql) on the Lạng Sơn demo, through the gateway. */
const PERIOD = contractOperation('reports.graphql', 'ReportingPeriod');
const BREAKDOWN = contractOperation('reports.graphql', 'ComplianceBreakdown');
const PROVINCE = contractOperation('compliance.graphql', 'ProvinceCompliance');

let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack({ demoData: true });
});

afterAll(async () => {
  await stack?.stop();
});

const FIELDS = ['assigned', 'completedOnTime', 'completedLate', 'inProgressWithinDeadline', 'inProgressOverdue', 'due'];
const worked = { from: '2017-01-01', to: '2017-10-15', asOf: '2017-10-15' };

describe('reporting periods', () => {
  it('the third quarter of 2017 and January 2018', async () => {
    const q3 = await stack.gateway.client.data<any>(PERIOD, { cycle: 'QUARTER', year: 2017, index: 3 });
    expect(q3.reportingPeriod).toEqual({ from: '2017-06-15', to: '2017-09-14' });
    const january = await stack.gateway.client.data<any>(PERIOD, { cycle: 'MONTH', year: 2018, index: 1 });
    expect(january.reportingPeriod).toEqual({ from: '2017-12-15', to: '2018-01-14' });
  });

  it('an index where none belongs is BAD_USER_INPUT on index', async () => {
    const result = await stack.gateway.client.request(PERIOD, { cycle: 'YEAR', year: 2017, index: 1 });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'index' });
  });
});

describe('complianceBreakdown', () => {
  it('by lead unit: the Department of Construction says 134 / 106 / 21, labelled by its name', async () => {
    const { complianceBreakdown } = await stack.gateway.client.data<any>(BREAKDOWN, { ...worked, by: ['LEAD_UNIT'] });
    const construction = complianceBreakdown.find((group: any) => group.keys[0].label === 'Sở Xây dựng');
    expect(construction.keys[0]).toMatchObject({ dimension: 'LEAD_UNIT', value: expect.any(String) });
    expect(construction.figures).toMatchObject({ assigned: 134, completedOnTime: 106, completedLate: 21 });
    const labels = complianceBreakdown.map((group: any) => group.keys[0].label);
    expect(labels).toEqual([...labels].sort(new Intl.Collator('vi').compare));
  });

  it.each([
    [['UNIT_KIND']],
    [['PRIORITY', 'ASSIGNER']],
    [['DOCUMENT_KIND', 'UNIT_KIND']],
    [['ASSIGNED_MONTH', 'OVERDUE_AGE']],
  ])('by %j: the groups add up to the province totals', async (by) => {
    const [{ complianceBreakdown }, { complianceSummary }] = await Promise.all([
      stack.gateway.client.data<any>(BREAKDOWN, { ...worked, by }),
      stack.gateway.client.data<any>(PROVINCE, worked),
    ]);
    expect(complianceBreakdown.length).toBeGreaterThan(1);
    for (const field of FIELDS) {
      const sum = complianceBreakdown.reduce((total: number, group: any) => total + group.figures[field], 0);
      expect([field, sum]).toEqual([field, complianceSummary.totals[field]]);
    }
    for (const group of complianceBreakdown) {
      expect(group.keys.map((key: any) => key.dimension)).toEqual(by);
      // Vietnamese labels: never the raw value of an enumeration.
      for (const key of group.keys) expect(key.label).not.toBe(key.value);
    }
    const keys = complianceBreakdown.map((group: any) => group.keys.map((key: any) => key.value).join('|'));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('two dimensions cost one SQL statement in the assignments subgraph', async () => {
    const statements = () => stack.services.assignments.database.queries.statements;
    const before = statements();
    await stack.gateway.client.data<any>(BREAKDOWN, { ...worked, by: ['UNIT_KIND', 'OVERDUE_AGE'] });
    expect(statements() - before).toBe(1);
  });

  it('unit kinds are labelled in Vietnamese', async () => {
    const { complianceBreakdown } = await stack.gateway.client.data<any>(BREAKDOWN, { ...worked, by: ['UNIT_KIND'] });
    expect(complianceBreakdown.find((group: any) => group.keys[0].value === 'DEPARTMENT').keys[0].label).toBe(
      'Sở, ban, ngành',
    );
  });

  it('none or three dimensions, or the same twice, is BAD_USER_INPUT on by', async () => {
    for (const by of [[], ['PRIORITY', 'ASSIGNER', 'LEAD_UNIT'], ['PRIORITY', 'PRIORITY']]) {
      const result = await stack.gateway.client.request(BREAKDOWN, { ...worked, by });
      expect([by, result.errors?.[0]?.extensions]).toEqual([
        by,
        expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'by' }),
      ]);
    }
  });
});

describe('errors in the language of Accept-Language', () => {
  const refused = (headers: Record<string, string>) =>
    stack.gateway.client.request(BREAKDOWN, { ...worked, from: '2017-12-01', by: ['PRIORITY'] }, headers);

  it('Vietnamese when asked for, with code and field unchanged', async () => {
    const result = await refused({ 'accept-language': 'vi-VN,vi;q=0.9,en;q=0.8' });
    expect(result.errors?.[0]).toMatchObject({
      message: '`from` không được sau `to`',
      extensions: { code: 'BAD_USER_INPUT', field: 'from' },
    });
  });

  it('English otherwise', async () => {
    for (const headers of [{}, { 'accept-language': 'en-GB,en;q=0.9,vi;q=0.5' }] as Array<Record<string, string>>) {
      const result = await refused(headers);
      expect(result.errors?.[0]).toMatchObject({
        message: 'from must not be after to',
        extensions: { code: 'BAD_USER_INPUT', field: 'from' },
      });
    }
  });

  it('an unauthenticated request too', async () => {
    const response = await fetch(stack.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer nonsense', 'accept-language': 'vi' },
      body: JSON.stringify({ query: '{ tasks { totalCount } }' }),
    });
    const body = (await response.json()) as any;
    expect([response.status, body.errors[0].extensions.code, body.errors[0].message]).toEqual([
      401,
      'UNAUTHENTICATED',
      'Tiêu đề Authorization không có dạng `Bearer <JWT>`',
    ]);
  });
});

describe('names in Vietnamese order', () => {
  it('officials sort as Vietnamese does: "Đ" between "D" and "E", not after "Z"', async () => {
    const { officials } = await stack.gateway.client.data<any>(`{ officials { fullName } }`);
    const names: string[] = officials.map((official: any) => official.fullName);
    expect(names).toEqual([...names].sort(new Intl.Collator('vi').compare));
    const dinh = names.indexOf('Đinh Công Bằng');
    expect(dinh).toBeGreaterThanOrEqual(0);
    expect(dinh).toBeLessThan(names.indexOf('Hoàng Văn Khánh'));
    expect(dinh).toBeLessThan(names.indexOf('Vi Thị Ngọc'));
  });
});

describe('a first look', () => {
  it('/favicon.ico is an icon, not a 404', async () => {
    const response = await fetch(new URL('/favicon.ico', stack.gateway.url));
    expect([response.status, response.headers.get('content-type')]).toEqual([200, 'image/x-icon']);
    const icon = Buffer.from(await response.arrayBuffer());
    // An ICO header (reserved 0, type 1) holding a 32×32 PNG.
    expect([icon.readUInt16LE(0), icon.readUInt16LE(2), icon[6]]).toEqual([0, 1, 32]);
  });
});
