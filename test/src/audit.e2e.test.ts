import { demoUnitId } from '@giaoviec/shared';
import { contractOperation } from './harness/graphql-client';
import { startTestStack, type TestStack } from './harness/stack';

/** Every refused request and every change of data is logged with the user and the request id. */
const ASSIGN = contractOperation('tasks.graphql', 'AssignTask');
const lines: Array<Record<string, unknown>> = [];
let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack({ demoData: true, logLines: lines });
});

afterAll(async () => {
  await stack?.stop();
});

const since = (mark: number) => lines.slice(mark);

describe('the audit trail in the logs', () => {
  it('a change of data: logged by the gateway and the subgraph that wrote, with user and request id', async () => {
    const mark = lines.length;
    const result = await stack.gateway.client.request<any>(ASSIGN, {
      input: { title: 'Nhiệm vụ ghi nhật ký', assignedOn: '2017-11-01', leadOrganisationId: demoUnitId('SXD') },
    });
    expect(result.errors).toBeUndefined();
    const changed = since(mark).filter((line) => line.msg === 'data changed');
    // The gateway's line and the assignments subgraph's, under one request id.
    expect(changed.length).toBeGreaterThanOrEqual(2);
    expect(new Set(changed.map((line) => line.requestId)).size).toBe(1);
    for (const line of changed) expect(line).toMatchObject({ user: 'office-1', fields: ['assignTask'] });
  });

  it('a refusal: logged with the user, the code and the request id the client sees', async () => {
    const mark = lines.length;
    const reader = stack.as({ sub: 'reader-9', roles: ['READER'] });
    const result = await reader.request(ASSIGN, {
      input: { title: 'x', assignedOn: '2017-11-01', leadOrganisationId: demoUnitId('SXD') },
    });
    const requestId = result.errors![0]!.extensions!.requestId;
    expect(requestId).toEqual(expect.any(String));
    const refused = since(mark).filter((line) => line.msg === 'request refused' && line.requestId === requestId);
    expect(refused.length).toBeGreaterThanOrEqual(1);
    for (const line of refused) expect(line).toMatchObject({ user: 'reader-9', code: 'FORBIDDEN' });
  });

  it('an unauthenticated request: logged with its request id and the reason', async () => {
    const mark = lines.length;
    const response = await fetch(stack.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'audit-test-0001' },
      body: JSON.stringify({ query: '{ organisations { id } }' }),
    });
    expect(response.status).toBe(401);
    expect(since(mark)).toContainEqual(
      expect.objectContaining({ msg: 'request refused: not authenticated', requestId: 'audit-test-0001' }),
    );
  });
});
