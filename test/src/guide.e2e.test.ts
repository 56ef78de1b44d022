import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import { resolve } from 'node:path';
import { startAssignmentsService } from '@giaoviec/assignments';
import { createLogger, demoUnitId } from '@giaoviec/shared';
import { startTestStack, type TestStack } from './harness/stack';
import { testToken } from './harness/tokens';

const log = createLogger('guide-test');
log.level = 'silent';

/** Every example of docs/guide.md runs as written against the demo data, without an error. */
const guide = readFileSync(resolve(__dirname, '../../docs/guide.md'), 'utf8');
const examples = [...guide.matchAll(/```graphql\n([\s\S]*?)```/g)].map((match) => match[1]!);

let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack({ demoData: true });
});

afterAll(async () => {
  await stack?.stop();
});

describe('docs/guide.md', () => {
  it('has examples', () => {
    expect(examples.length).toBeGreaterThanOrEqual(6);
  });

  it.each(examples.map((example) => [/query (\w+)/.exec(example)?.[1] ?? 'anonymous', example]))(
    '%s runs',
    async (_name, example) => {
      const result = await stack.gateway.client.request<any>(example);
      expect(result.errors).toBeUndefined();
      expect(JSON.stringify(result.data)).not.toBe('{}');
    },
  );
});

describe('the consumer loop of "Following changes"', () => {
  const [code] = [...guide.matchAll(/```js\n([\s\S]*?)```/g)].map((match) => match[1]!);
  type Follow = (
    url: string,
    token: string,
    after: string | null,
    handle: (node: any) => void,
    filter?: unknown,
  ) => Promise<string>;
  // Run as a browser or Node script would: top-level declarations, `fetch` the only global it needs.
  const script = vm.createContext({ fetch });
  vm.runInContext(code!, script);
  const followTasks = script.followTasks as Follow;
  const PROGRESS = `mutation ($input: ReportProgressInput!) { reportProgress(input: $input) { id } }`;

  it('resumes from its cursor across a restart of the assignments service with exactly the events of one that never stopped', async () => {
    const token = await testToken({ roles: ['OFFICE'], sub: 'guide-consumer' });
    const url = stack.gateway.url;
    const unit = stack.as({ roles: ['UNIT'], org: demoUnitId('SXD') });
    const sxd = { organisationIds: [demoUnitId('SXD')] };
    const { tasks } = await stack.gateway.client.data<any>(
      `query ($id: ID!) { tasks(first: 3, filter: { leadOrganisationId: $id, status: [IN_PROGRESS] }) { edges { node { id } } } }`,
      { id: demoUnitId('SXD') },
    );
    const report = (round: number) =>
      Promise.all(
        tasks.edges.map(({ node }: any, index: number) =>
          unit.data(PROGRESS, {
            input: { taskId: node.id, reportedOn: '2017-12-20', note: `Theo dõi ${round}.${index}` },
          }),
        ),
      );

    const resumed: string[] = [];
    let cursor = await followTasks(url, token, null, (node) => resumed.push(node.id), sxd);
    await report(1);
    cursor = await followTasks(url, token, cursor, (node) => resumed.push(node.id), sxd);
    // The assignments service stops; changes made before it stopped and after it is back.
    await report(2);
    const { port } = stack.services.assignments;
    await stack.services.assignments.stop();
    stack.services.assignments = await startAssignmentsService({ databaseUrl: stack.databaseUrl, port, log });
    await report(3);
    await followTasks(url, token, cursor, (node) => resumed.push(node.id), sxd);

    const never: string[] = [];
    await followTasks(url, token, null, (node) => never.push(node.id), sxd);
    expect(resumed).toEqual(never);
    expect(new Set(resumed).size).toBe(resumed.length);
    expect(never.length).toBeGreaterThan(9);
  });
});
