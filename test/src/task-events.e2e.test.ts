import pg from 'pg';
import { contractOperation } from './harness/graphql-client';
import { startTestStack, type TestStack } from './harness/stack';

/**
 * The task feed through the gateway: commit order with concurrent writers (a transaction that
 * took its event id first and commits last is still read, once), scoping by role, cursors.
 */
const EVENTS = contractOperation('events.graphql', 'TaskEvents');
const ASSIGN = contractOperation('tasks.graphql', 'AssignTask');
const PROGRESS = contractOperation('tasks.graphql', 'ReportProgress');
const CREATE_UNIT = contractOperation('organisations.graphql', 'CreateOrganisation');

let stack: TestStack;
const units: Record<string, string> = {};

beforeAll(async () => {
  stack = await startTestStack();
  for (const [code, name] of [
    ['SXD', 'Sở Xây dựng'],
    ['SYT', 'Sở Y tế'],
  ] as const) {
    const { createOrganisation } = await stack.gateway.client.data<any>(CREATE_UNIT, {
      input: { code, name, kind: 'DEPARTMENT' },
    });
    units[code] = createOrganisation.id;
  }
});

afterAll(async () => {
  await stack?.stop();
});

interface Seen {
  id: string;
  type: string;
  taskId: string;
}

/** Follows the feed from `after` until a page comes back empty; returns the events and the last cursor. */
async function follow(client = stack.gateway.client, after: string | null = null, filter?: unknown) {
  const seen: Seen[] = [];
  let cursor = after;
  for (;;) {
    const { taskEvents } = await client.data<any>(EVENTS, { after: cursor, first: 37, filter });
    for (const { node } of taskEvents.edges) seen.push({ id: node.id, type: node.type, taskId: node.task.id });
    if (taskEvents.pageInfo.endCursor) cursor = taskEvents.pageInfo.endCursor;
    if (!taskEvents.pageInfo.hasNextPage) return { seen, cursor };
  }
}

async function assign(lead: string, coordinating: string[] = []) {
  const { assignTask } = await stack.gateway.client.data<any>(ASSIGN, {
    input: {
      title: 'Nhiệm vụ theo dõi thay đổi',
      assignedOn: '2026-01-05',
      dueOn: '2026-03-31',
      leadOrganisationId: lead,
      coordinatingOrganisationIds: coordinating,
    },
  });
  return assignTask.id as string;
}

describe('the task feed', () => {
  it('20 concurrent writers and a consumer polling meanwhile: every event once, in the feed’s order', async () => {
    const tasks = await Promise.all(Array.from({ length: 20 }, () => assign(units.SXD!)));
    const slowTask = await assign(units.SYT!);
    const start = await follow();
    const unit = stack.as({ roles: ['UNIT'], org: units.SXD });
    const consumed: Seen[] = [];
    let cursor = start.cursor;
    let pollsWhileWriting = 0;
    const consume = async () => {
      const page = await follow(stack.gateway.client, cursor);
      consumed.push(...page.seen);
      cursor = page.cursor;
      return page.seen;
    };
    // A transaction that takes its event id first and commits after all the others.
    const slow = new pg.Client({ connectionString: stack.databaseUrl });
    await slow.connect();
    try {
      await slow.query('BEGIN');
      await slow.query(
        `INSERT INTO assignments.task_history (task_id, on_date, action, actor, details)
         VALUES ($1, '2026-01-06', 'PROGRESS_REPORTED', 'slow writer', '{}')`,
        [slowTask],
      );
      let writing = true;
      const writers = Promise.all(
        tasks.map(async (taskId, index) => {
          for (let round = 0; round < 5; round++) {
            await unit.data(PROGRESS, {
              input: { taskId, reportedOn: '2026-01-06', note: `Tiến độ ${index}.${round}` },
            });
          }
        }),
      ).finally(() => {
        writing = false;
      });
      while (writing) {
        await consume();
        pollsWhileWriting++;
      }
      await writers;
      // The slow transaction holds the feed back: nothing after its event is shown until it ends.
      expect(await consume()).toEqual([]);
      await slow.query('COMMIT');
    } finally {
      await slow.end();
    }
    await consume();

    const all = (await follow()).seen.slice(start.seen.length);
    expect(pollsWhileWriting).toBeGreaterThan(0);
    expect(all).toHaveLength(20 * 5 + 1);
    expect(all[0]).toMatchObject({ taskId: slowTask, type: 'PROGRESS_REPORTED' });
    expect(new Set(consumed.map((event) => event.id)).size).toBe(consumed.length);
    expect(consumed).toEqual(all);
  });

  it('three rounds of 20 concurrent writers: the polling consumer ends with exactly the feed', async () => {
    const unit = stack.as({ roles: ['UNIT'], org: units.SXD });
    const tasks = await Promise.all(Array.from({ length: 20 }, () => assign(units.SXD!)));
    for (let round = 0; round < 3; round++) {
      const start = await follow();
      const consumed: Seen[] = [];
      let cursor = start.cursor;
      let writing = true;
      const writers = Promise.all(
        tasks.map(async (taskId, index) => {
          for (let step = 0; step < 3; step++) {
            await unit.data(PROGRESS, {
              input: { taskId, reportedOn: '2026-01-07', note: `Vòng ${round}.${index}.${step}` },
            });
          }
        }),
      ).finally(() => {
        writing = false;
      });
      do {
        const page = await follow(stack.gateway.client, cursor);
        consumed.push(...page.seen);
        cursor = page.cursor;
      } while (writing);
      await writers;
      consumed.push(...(await follow(stack.gateway.client, cursor)).seen);
      const all = (await follow()).seen.slice(start.seen.length);
      expect(all).toHaveLength(20 * 3);
      expect(consumed).toEqual(all);
    }
  });

  it('shows a unit the events of the tasks it leads or coordinates, a reader none; filters only narrow', async () => {
    const own = await assign(units.SXD!);
    const coordinated = await assign(units.SYT!, [units.SXD!]);
    const other = await assign(units.SYT!);
    const unit = stack.as({ roles: ['UNIT'], org: units.SXD });
    const taskIds = (await follow(unit)).seen.map((event) => event.taskId);
    expect(taskIds).toEqual(expect.arrayContaining([own, coordinated]));
    expect(taskIds).not.toContain(other);
    const widened = await follow(unit, null, { organisationIds: [units.SYT], taskIds: [other, coordinated] });
    expect(widened.seen.map((event) => event.taskId)).toEqual([coordinated]);
    const assigned = await follow(stack.gateway.client, null, { types: ['ASSIGNED'], taskIds: [own, other] });
    expect(assigned.seen.map((event) => event.taskId)).toEqual([own, other]);
    const reader = await stack.as({ roles: ['READER'] }).request(EVENTS, {});
    expect(reader.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('answers BAD_USER_INPUT for another user’s or a forged cursor, and carries the actor', async () => {
    const { taskEvents } = await stack.gateway.client.data<any>(EVENTS, { first: 1 });
    const cursor = taskEvents.edges[0].cursor as string;
    expect(taskEvents.edges[0].node).toMatchObject({
      type: 'ASSIGNED',
      on: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      occurredAt: expect.stringMatching(/T.*(Z|[+-]\d{2}:\d{2})$/),
      actor: { id: expect.any(String), name: expect.any(String) },
    });
    const stranger = stack.as({ roles: ['OFFICE'], sub: 'someone-else' });
    for (const [client, after] of [
      [stranger, cursor],
      [stack.gateway.client, `${cursor.split('.')[0]}.AAAAAAAAAAAAAAAAAAAAAA`],
      [stack.gateway.client, 'garbage'],
    ] as const) {
      const result = await client.request(EVENTS, { after });
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    }
    const tooLarge = await stack.gateway.client.request(`{ taskEvents(first: 501) { edges { cursor } } }`);
    expect(tooLarge.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });

  it('serves the contract’s largest page, 500 events, through the gateway’s cost limit', async () => {
    // More than 100 events: the gateway's former cost count refused even a page of 100 (decision 21).
    const before = (await follow()).seen.length;
    for (let missing = 150 - before; missing > 0; missing -= 25)
      await Promise.all(Array.from({ length: Math.min(25, missing) }, () => assign(units.SYT!)));
    const feed = (await follow()).seen.slice(0, 500).map((event) => event.id);
    expect(feed.length).toBeGreaterThan(100);
    const page = await stack.gateway.client.request(EVENTS, { first: 500 });
    expect(page.errors).toBeUndefined();
    expect((page.data as any).taskEvents.edges.map((edge: any) => edge.node.id)).toEqual(feed);
  });

  it('answers CURSOR_EXPIRED, with its field, for a cursor of an event older than the 400 days kept', async () => {
    const taskId = await assign(units.SXD!);
    // An event recorded 401 days ago, as a consumer that stopped for more than a year would hold.
    const admin = new pg.Client({ connectionString: stack.databaseUrl });
    await admin.connect();
    try {
      await admin.query(
        `INSERT INTO assignments.task_history (task_id, on_date, action, actor, details, at)
         VALUES ($1, '2026-01-06', 'PROGRESS_REPORTED', 'a year ago', '{}', now() - interval '401 days')`,
        [taskId],
      );
    } finally {
      await admin.end();
    }
    const { taskEvents } = await stack.gateway.client.data<any>(EVENTS, { filter: { taskIds: [taskId] } });
    const old = taskEvents.edges.find((edge: any) => Date.now() - Date.parse(edge.node.occurredAt) > 400 * 86_400_000);
    const oldCursor = old.cursor as string;
    const expired = await stack.gateway.client.request(EVENTS, { after: oldCursor });
    expect(expired.data).toBeNull();
    expect(expired.errors?.[0]?.extensions).toMatchObject({ code: 'CURSOR_EXPIRED', field: 'after' });
    // A cursor of a recent event still reads on.
    const recent = await stack.gateway.client.data<any>(EVENTS, { first: 1 });
    const next = await stack.gateway.client.request(EVENTS, { after: recent.taskEvents.edges[0].cursor });
    expect(next.errors).toBeUndefined();
  });
});

describe('re-synchronising without the feed', () => {
  it('lists the tasks changed since an instant, each with when it was recorded and last changed', async () => {
    const untouched = await assign(units.SXD!);
    const changed = await assign(units.SXD!);
    const since = new Date(Date.now() + 1).toISOString();
    await new Promise((wake) => setTimeout(wake, 20));
    await stack.as({ roles: ['UNIT'], org: units.SXD }).data(PROGRESS, {
      input: { taskId: changed, reportedOn: '2026-01-08', note: 'Đồng bộ lại' },
    });
    const { tasks } = await stack.gateway.client.data<any>(
      `query ($since: DateTime!) { tasks(first: 100, filter: { updatedSince: $since }) { edges { node { id createdAt updatedAt } } } }`,
      { since },
    );
    const ids = tasks.edges.map((edge: any) => edge.node.id);
    expect(ids).toContain(changed);
    expect(ids).not.toContain(untouched);
    const node = tasks.edges.find((edge: any) => edge.node.id === changed).node;
    expect(Date.parse(node.updatedAt)).toBeGreaterThanOrEqual(Date.parse(since));
    expect(Date.parse(node.createdAt)).toBeLessThan(Date.parse(since));
  });
});
