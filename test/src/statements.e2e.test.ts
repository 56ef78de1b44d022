import { USER_TOKEN_HEADER, signUserToken, LANG_SON_DEMO_UNITS } from '@giaoviec/shared';
import { contractOperation } from './harness/graphql-client';
import { startTestStack, type TestStack } from './harness/stack';

const LIST_WITH_RELATIONS = `{ organisations { id code parent { id code name } children { id code } } }`;
const CREATE = contractOperation('organisations.graphql', 'CreateOrganisation');

let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack({ demoData: true });
});

afterAll(async () => {
  await stack?.stop();
});

/** SQL statements the organisations subgraph sends while `run` goes on. */
async function statementsDuring(run: () => Promise<unknown>): Promise<number> {
  const counter = stack.services.organisations.database.queries;
  const before = counter.statements;
  await run();
  return counter.statements - before;
}

async function addUnits(count: number, prefix: string): Promise<string[]> {
  const ids: string[] = [];
  let parentId: string | null = null;
  for (let index = 0; index < count; index++) {
    // Chains of three, so that parents and children are both many and varied.
    if (index % 3 === 0) parentId = null;
    const result: any = await stack.gateway.client.data(CREATE, {
      input: { code: `${prefix}-${index}`, name: `Đơn vị ${index}`, kind: 'COMMUNE', parentId },
    });
    parentId = result.createOrganisation.id;
    ids.push(parentId!);
  }
  return ids;
}

describe('the cost of a request does not grow with the number of rows', () => {
  it('listing organisations with parents and children costs the same statements for every demo unit and 120 more', async () => {
    let small = 0;
    const smallCost = await statementsDuring(async () => {
      small = ((await stack.gateway.client.data(LIST_WITH_RELATIONS)) as any).organisations.length;
    });
    await addUnits(120, 'BULK');
    let large = 0;
    const largeCost = await statementsDuring(async () => {
      large = ((await stack.gateway.client.data(LIST_WITH_RELATIONS)) as any).organisations.length;
    });
    expect([small, large]).toEqual([LANG_SON_DEMO_UNITS.length, LANG_SON_DEMO_UNITS.length + 120]);
    expect(largeCost).toBe(smallCost);
    // The list, then one batch for all children (parents come from the list itself).
    expect(largeCost).toBeLessThanOrEqual(2);
  });

  it('entity references (_entities) resolve in one statement, duplicates included', async () => {
    const { organisations } = (await stack.gateway.client.data(`{ organisations { id } }`)) as any;
    const representations = [
      ...organisations,
      ...organisations.slice(0, 10),
      { id: '00000000-0000-4000-8000-000000000000' },
    ].map(({ id }: { id: string }) => ({ __typename: 'Organisation', id }));
    let entities: any[] = [];
    const cost = await statementsDuring(async () => {
      const response = await fetch(stack.services.organisations.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [USER_TOKEN_HEADER]: await signUserToken({ id: 'test', roles: ['LEADER'] }),
        },
        body: JSON.stringify({
          query: 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Organisation { id code } } }',
          variables: { r: representations },
        }),
      });
      entities = ((await response.json()) as any).data._entities;
    });
    expect(entities).toHaveLength(representations.length);
    expect(entities.at(-1)).toBeNull();
    expect(entities.slice(0, -1).every((entity, index) => entity.id === representations[index]!.id)).toBe(true);
    expect(cost).toBe(1);
  });
});
