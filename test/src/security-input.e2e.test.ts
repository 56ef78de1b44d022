import pg from 'pg';
import { buildSchema, getNamedType, isInputObjectType, isObjectType } from 'graphql';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { GraphQLClient, contractOperation } from './harness/graphql-client';
import { startTestStack, type TestStack } from './harness/stack';
import { testToken } from './harness/tokens';
import { SignJWT } from 'jose';
import { TEST_JWT_SECRET } from './harness/tokens';

/** Input that must never reach a rule or the database: each class through the real gateway. */
const ASSIGN = contractOperation('tasks.graphql', 'AssignTask');
const CREATE_UNIT = contractOperation('organisations.graphql', 'CreateOrganisation');
const ORGANISATIONS = contractOperation('organisations.graphql', 'Organisations');
const LEADERSHIP = contractOperation('compliance.graphql', 'LeadershipCompliance');
const COUNT = `{ tasks(first: 1) { totalCount } }`;

let stack: TestStack;
let unit: string;

beforeAll(async () => {
  stack = await startTestStack();
  const { createOrganisation } = await stack.gateway.client.data<any>(CREATE_UNIT, {
    input: { code: 'SXD', name: 'Sở Xây dựng', kind: 'DEPARTMENT' },
  });
  unit = createOrganisation.id;
  // A webhook, so that its deliveries(first) is resolved.
  await stack.gateway.client.data(
    `mutation { createWebhook(input: { url: "http://127.0.0.1:9/hook", eventTypes: [FIGURES_CHANGED] }) { secret } }`,
  );
});

afterAll(async () => {
  await stack?.stop();
});

const codeOf = (result: { errors?: Array<{ extensions?: Record<string, unknown> }> }) =>
  result.errors?.[0]?.extensions?.code ?? 'ok';

describe('dates outside the calendar, in every form', () => {
  it.each(['9999-12-31T20:00:00Z', '1900-01-01T05:00:00+14:00', '10000-01-01', '1899-12-31'])(
    'refuses assignedOn %s with BAD_USER_INPUT and stores nothing',
    async (assignedOn) => {
      const before = await stack.gateway.client.data<any>(COUNT);
      const result = await stack.gateway.client.request(ASSIGN, {
        input: { title: 'Ngày sai', assignedOn, leadOrganisationId: unit },
      });
      expect(codeOf(result)).toBe('BAD_USER_INPUT');
      expect(await stack.gateway.client.data<any>(COUNT)).toEqual(before);
    },
  );

  it('refuses the same in a literal, and reads of the unit keep working', async () => {
    const literal = await stack.gateway.client.request(
      `mutation { assignTask(input: { title: "x", assignedOn: "9999-12-31T20:00:00Z", leadOrganisationId: "${unit}" }) { id } }`,
    );
    expect(codeOf(literal)).toMatch(/BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED/);
    const list = await stack.gateway.client.request(
      `query ($id: ID!) { organisation(id: $id) { tasks(first: 5) { totalCount } } }`,
      { id: unit },
    );
    expect(list.errors).toBeUndefined();
  });
});

describe('tokens whose claims the role table does not know', () => {
  const sign = (claims: Record<string, unknown>) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('claims-test')
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(TEST_JWT_SECRET));

  it.each<[string, Record<string, unknown>]>([
    ['no role', { roles: [] }],
    ['an unknown role', { roles: ['ADMIN'] }],
  ])('%s: FORBIDDEN for units, figures and officials alike', async (_name, claims) => {
    const client = new GraphQLClient(stack.gateway.url, sign(claims));
    for (const [query, variables] of [
      [ORGANISATIONS, {}],
      [LEADERSHIP, { from: '2017-01-01', to: '2017-10-15', asOf: '2017-10-15' }],
      [`{ organisations { officials { id } } }`, {}],
    ] as const) {
      const result = await client.request<any>(query, variables);
      expect([codeOf(result), result.data ?? null]).toEqual(['FORBIDDEN', null]);
    }
  });

  it.each<[string, Record<string, unknown>]>([
    ['roles as a string', { roles: 'OFFICE' }],
    ['roles of other types', { roles: ['OFFICE', 7] }],
    ['no roles claim', {}],
    ['an org that is no unit id', { roles: ['UNIT'], org: 'SXD' }],
    ['an org of another type', { roles: ['OFFICE'], org: 42 }],
    ['a name of another type', { roles: ['OFFICE'], name: { first: 'A' } }],
  ])('%s: UNAUTHENTICATED', async (_name, claims) => {
    const result = await new GraphQLClient(stack.gateway.url, sign(claims)).request<any>(ORGANISATIONS);
    expect([codeOf(result), result.data ?? null]).toEqual(['UNAUTHENTICATED', null]);
  });

  it('a known role among unknown ones still works', async () => {
    const client = new GraphQLClient(stack.gateway.url, sign({ roles: ['ADMIN', 'READER'] }));
    expect(codeOf(await client.request(ORGANISATIONS))).toBe('ok');
    expect(
      codeOf(await new GraphQLClient(stack.gateway.url, testToken({ roles: ['READER'] })).request(ORGANISATIONS)),
    ).toBe('ok');
  });
});

describe('look-alike names', () => {
  it.each([
    ['a zero-width space', 'Sở\u200BXây dựng 2'],
    ['a right-to-left override', 'Sở Y tế\u202E'],
    ['a bidirectional isolate', 'Sở \u2066Tài chính\u2069'],
  ])('refuses %s in a unit name and a task title, storing nothing', async (_name, text) => {
    const unitResult = await stack.gateway.client.request(CREATE_UNIT, {
      input: { code: `X${Math.random().toString(36).slice(2, 7)}`, name: text, kind: 'DEPARTMENT' },
    });
    expect(unitResult.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
    const taskResult = await stack.gateway.client.request(ASSIGN, {
      input: { title: text, assignedOn: '2026-01-05', leadOrganisationId: unit },
    });
    expect(taskResult.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'title' });
  });

  it('stores a decomposed Vietnamese name in NFC', async () => {
    const { createOrganisation } = await stack.gateway.client.data<any>(CREATE_UNIT, {
      input: { code: 'XA-NFC', name: 'Xã Mai Pha'.normalize('NFD'), kind: 'COMMUNE' },
    });
    expect(createOrganisation.name).toBe('Xã Mai Pha');
  });
});

describe('integers outside their range', () => {
  const schema = buildSchema(readFileSync(resolve(__dirname, '../../schema/api.graphql'), 'utf8'));
  /** Every Int argument and input field of the published schema. */
  const ints: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    if (isObjectType(type))
      for (const field of Object.values(type.getFields()))
        for (const arg of field.args)
          if (getNamedType(arg.type).name === 'Int') ints.push(`${type.name}.${field.name}(${arg.name})`);
    if (isInputObjectType(type))
      for (const field of Object.values(type.getFields()))
        if (getNamedType(field.type).name === 'Int') ints.push(`${type.name}.${field.name}`);
  }

  /** How each is sent with a value; every Int of the schema must be here. */
  const sent: Record<string, (value: number) => [string, Record<string, unknown>, GraphQLClient?]> = {
    'Query.publicHolidays(year)': (v) => [`query ($v: Int!) { publicHolidays(year: $v) { day } }`, { v }],
    'Query.reportingPeriod(year)': (v) => [
      `query ($v: Int!) { reportingPeriod(cycle: YEAR, year: $v) { from } }`,
      { v },
    ],
    'Query.reportingPeriod(index)': (v) => [
      `query ($v: Int) { reportingPeriod(cycle: MONTH, year: 2017, index: $v) { from } }`,
      { v },
    ],
    'SetPublicHolidaysInput.year': (v) => [
      `mutation ($v: Int!) { setPublicHolidays(input: { year: $v, days: [] }) { day } }`,
      { v },
    ],
    'Query.tasks(first)': (v) => [`query ($v: Int) { tasks(first: $v) { totalCount } }`, { v }],
    'Organisation.tasks(first)': (v) => [
      `query ($v: Int, $id: ID!) { organisation(id: $id) { tasks(first: $v) { totalCount } } }`,
      { v, id: unit },
    ],
    'Query.inspections(first)': (v) => [`query ($v: Int) { inspections(first: $v) { totalCount } }`, { v }],
    'Query.taskEvents(first)': (v) => [`query ($v: Int) { taskEvents(first: $v) { edges { cursor } } }`, { v }],
    'Query.inspectionEvents(first)': (v) => [
      `query ($v: Int) { inspectionEvents(first: $v) { edges { cursor } } }`,
      { v },
    ],
    'Query.myNotifications(first)': (v) => [`query ($v: Int) { myNotifications(first: $v) { unreadCount } }`, { v }],
    'Webhook.deliveries(first)': (v) => [
      `query ($v: Int) { webhooks { deliveries(first: $v) { edges { cursor } } } }`,
      { v },
    ],
    'TaskFilter.dueWithinDays': (v) => [
      `query ($v: Int) { tasks(filter: { dueWithinDays: $v }) { totalCount } }`,
      { v },
    ],
    'TaskFilter.dueWithinWorkingDays': (v) => [
      `query ($v: Int) { tasks(filter: { dueWithinWorkingDays: $v }) { totalCount } }`,
      { v },
    ],
    'AssignTaskInput.deadlineInWorkingDays': (v) => [
      `mutation ($v: Int, $unit: ID!) { assignTask(input: { title: "x", assignedOn: "2026-01-05", leadOrganisationId: $unit, deadlineInWorkingDays: $v }) { id } }`,
      { v, unit },
    ],
    'ReportProgressInput.percentComplete': (v) => [
      `mutation ($v: Int) { reportProgress(input: { taskId: "00000000-0000-4000-8000-000000000000", reportedOn: "2026-01-05", note: "x", percentComplete: $v }) { id } }`,
      { v },
      stack.as({ roles: ['UNIT'], org: unit }),
    ],
  };
  for (const input of [
    'ReportProgressInput',
    'RequestExtensionInput',
    'DecideExtensionInput',
    'SubmitCompletionInput',
    'ConfirmCompletionInput',
    'ReturnCompletionInput',
    'WithdrawTaskInput',
    'SubmitContributionInput',
    'DelegateTaskInput',
  ]) {
    sent[`${input}.expectedVersion`] = (v) => [
      `mutation ($v: Int!) { withdrawTask(input: { taskId: "00000000-0000-4000-8000-000000000000", withdrawnOn: "2026-01-05", reason: "x", expectedVersion: $v }) { id } }`,
      { v },
    ];
  }
  sent['ConfirmCompletionInput.quality'] = (v) => [
    `mutation ($v: Int) { confirmCompletion(input: { taskId: "00000000-0000-4000-8000-000000000000", confirmedOn: "2026-01-05", quality: $v }) { id } }`,
    { v },
  ];
  sent['CorrectTaskInput.expectedVersion'] = (v) => [
    `mutation ($v: Int!) { correctTask(input: { taskId: "00000000-0000-4000-8000-000000000000", reason: "x", title: "y", expectedVersion: $v }) { id } }`,
    { v },
  ];

  it('names how every Int of the schema is sent', () => {
    expect(ints.filter((name) => !sent[name])).toEqual([]);
  });

  // The largest Int is a valid version (a stale one: CONFLICT or NOT_FOUND), harmless.
  const validAtMax = (name: string) => name.endsWith('.expectedVersion');

  it.each([2147483647, -2147483648])(
    'answers BAD_USER_INPUT for %d in every Int, never a database error',
    async (value) => {
      for (const name of ints.filter((int) => value !== 2147483647 || !validAtMax(int))) {
        const [query, variables, client = stack.gateway.client] = sent[name]!(value);
        const result = await client.request(query, variables);
        // A page size the cost limit already refuses never reaches a resolver: refused all the same.
        const refusedBy =
          name.endsWith('(first)') && value > 0 ? /^(BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED)$/ : /^BAD_USER_INPUT$/;
        expect([name, codeOf(result)]).toEqual([name, expect.stringMatching(refusedBy)]);
      }
    },
  );
});

describe('a bad date already stored', () => {
  it('is refused by the database, and one stored before does not break the unit’s list', async () => {
    const { assignTask } = await stack.gateway.client.data<any>(ASSIGN, {
      input: { title: 'Nhiệm vụ cũ', assignedOn: '2026-01-05', leadOrganisationId: unit },
    });
    const db = new pg.Client({ connectionString: stack.databaseUrl });
    await db.connect();
    const list = () =>
      stack.gateway.client.request<any>(
        `query ($id: ID!) { organisation(id: $id) { tasks(first: 100) { totalCount edges { node { id dueOn } } } } }`,
        { id: unit },
      );
    try {
      await expect(
        db.query(`UPDATE assignments.task SET due_on = '10000-01-01' WHERE id = $1`, [assignTask.id]),
      ).rejects.toThrow(/task_due_on_in_calendar/);
      // A row written before the constraint existed.
      await db.query('ALTER TABLE assignments.task DROP CONSTRAINT task_due_on_in_calendar');
      await db.query(`UPDATE assignments.task SET due_on = '10000-01-01' WHERE id = $1`, [assignTask.id]);
      const result = await list();
      expect(result.errors).toBeUndefined();
      expect(result.data.organisation.tasks.edges).toContainEqual({
        node: { id: assignTask.id, dueOn: '10000-01-01' },
      });
    } finally {
      await db.query(`UPDATE assignments.task SET due_on = NULL WHERE id = $1`, [assignTask.id]);
      await db.query(
        `ALTER TABLE assignments.task ADD CONSTRAINT task_due_on_in_calendar
           CHECK (due_on BETWEEN DATE '1900-01-01' AND DATE '9999-12-31') NOT VALID`,
      );
      await db.end();
    }
  });
});
