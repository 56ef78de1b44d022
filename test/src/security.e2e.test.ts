import { DEMO_INSPECTION, USER_TOKEN_HEADER, demoUnitId, signUserToken, type RequestUser } from '@giaoviec/shared';
import { SignJWT, exportJWK, type KeyLike } from 'jose';
import { createServer as createHttpServer } from 'node:http';
import { generateKeyPairSync } from 'node:crypto';
import { GraphQLClient, contractOperation } from './harness/graphql-client';
import { startTestStack, workDone, type TestStack } from './harness/stack';
import { TEST_JWT_SECRET, testToken } from './harness/tokens';

/** The contract's role table and the API's defences, each case through the real gateway. */
const ORGANISATIONS = contractOperation('organisations.graphql', 'Organisations');
const CREATE_UNIT = contractOperation('organisations.graphql', 'CreateOrganisation');
const LEADERSHIP = contractOperation('compliance.graphql', 'LeadershipCompliance');
const PROVINCE = contractOperation('compliance.graphql', 'ProvinceCompliance');
const ASSIGN = contractOperation('tasks.graphql', 'AssignTask');
const PROGRESS = contractOperation('tasks.graphql', 'ReportProgress');
const TASK = contractOperation('tasks.graphql', 'Task');
const INSPECTION = contractOperation('inspections.graphql', 'Inspection');
const RECORD = contractOperation('inspections.graphql', 'RecordInspection');

let stack: TestStack;
const SXD = demoUnitId('SXD');
const SYT = demoUnitId('SYT');
let sxdTask: string;
let sytTask: string;

const as = (roles: string[], org?: string) => stack.as({ roles, org });
const period = { from: '2017-01-01', to: '2017-10-15', asOf: '2017-10-15' };

const work = () => workDone(stack);

async function codeOf(client: GraphQLClient, query: string, variables: Record<string, unknown> = {}) {
  const result = await client.request(query, variables);
  return result.errors?.[0]?.extensions?.code ?? 'ok';
}

beforeAll(async () => {
  stack = await startTestStack({ demoData: true });
  const assign = async (lead: string) =>
    (
      await stack.gateway.client.data<any>(ASSIGN, {
        input: {
          title: 'Nhiệm vụ kiểm thử quyền',
          assignedOn: '2017-11-01',
          dueOn: '2017-12-01',
          leadOrganisationId: lead,
        },
      })
    ).assignTask.id as string;
  sxdTask = await assign(SXD);
  sytTask = await assign(SYT);
});

afterAll(async () => {
  await stack?.stop();
});

describe('who may do what (the role table)', () => {
  const progress = (taskId: string) => ({ input: { taskId, reportedOn: '2017-11-10', note: 'Tiến độ' } });
  const newUnit = () => ({
    input: { code: `R-${Math.random().toString(36).slice(2, 8)}`, name: 'Đơn vị', kind: 'OTHER' },
  });
  const newTask = () => ({ input: { title: 'x', assignedOn: '2017-11-01', leadOrganisationId: SXD } });

  it('READER: figures and organisations only', async () => {
    const reader = as(['READER']);
    expect(await codeOf(reader, ORGANISATIONS)).toBe('ok');
    expect(await codeOf(reader, LEADERSHIP, period)).toBe('ok');
    expect(await codeOf(reader, PROVINCE, period)).toBe('ok');
    expect(await codeOf(reader, TASK, { id: sxdTask })).toBe('FORBIDDEN');
    expect(await codeOf(reader, `{ tasks { totalCount } }`)).toBe('FORBIDDEN');
    expect(await codeOf(reader, INSPECTION, { id: DEMO_INSPECTION.id })).toBe('FORBIDDEN');
    expect(await codeOf(reader, CREATE_UNIT, newUnit())).toBe('FORBIDDEN');
    expect(await codeOf(reader, ASSIGN, newTask())).toBe('FORBIDDEN');
  });

  it('LEADER: reads everything, changes nothing', async () => {
    const leader = as(['LEADER']);
    expect(await codeOf(leader, TASK, { id: sytTask })).toBe('ok');
    expect(await codeOf(leader, INSPECTION, { id: DEMO_INSPECTION.id })).toBe('ok');
    expect(await codeOf(leader, CREATE_UNIT, newUnit())).toBe('FORBIDDEN');
    expect(await codeOf(leader, ASSIGN, newTask())).toBe('FORBIDDEN');
    expect(await codeOf(leader, PROGRESS, progress(sxdTask))).toBe('FORBIDDEN');
  });

  it('OFFICE: manages units and tasks, but does not report for a unit or record inspections', async () => {
    const office = as(['OFFICE']);
    expect(await codeOf(office, CREATE_UNIT, newUnit())).toBe('ok');
    expect(await codeOf(office, ASSIGN, newTask())).toBe('ok');
    expect(await codeOf(office, PROGRESS, progress(sxdTask))).toBe('FORBIDDEN');
    expect(
      await codeOf(office, RECORD, {
        input: {
          organisationId: SXD,
          team: 't',
          inspectedOn: '2017-12-01',
          periodFrom: '2017-01-01',
          periodTo: '2017-11-30',
          conclusions: ['c'],
        },
      }),
    ).toBe('FORBIDDEN');
  });

  it('INSPECTOR: reads everything and records inspections', async () => {
    const inspector = as(['INSPECTOR']);
    expect(await codeOf(inspector, TASK, { id: sytTask })).toBe('ok');
    const input = {
      organisationId: SYT,
      team: 'Tổ công tác số 3',
      inspectedOn: '2017-12-01',
      periodFrom: '2017-01-01',
      periodTo: '2017-11-30',
      conclusions: ['Kết luận'],
    };
    expect(await codeOf(inspector, RECORD, { input })).toBe('ok');
    expect(await codeOf(inspector, ASSIGN, newTask())).toBe('FORBIDDEN');
  });

  it('UNIT: its own tasks and every unit’s figures; another unit’s task by no path', async () => {
    const unit = as(['UNIT'], SXD);
    expect(await codeOf(unit, TASK, { id: sxdTask })).toBe('ok');
    expect(await codeOf(unit, PROGRESS, progress(sxdTask))).toBe('ok');
    expect(await codeOf(unit, LEADERSHIP, period)).toBe('ok');
    // Another unit's task: by id, by a nested path, by a filter, by a mutation.
    // Read as if it did not exist.
    expect(await unit.request(TASK, { id: sytTask })).toMatchObject({ data: { task: null }, status: 200 });
    expect(
      await codeOf(unit, `query ($id: ID!) { organisation(id: $id) { tasks { totalCount edges { node { id } } } } }`, {
        id: SYT,
      }),
    ).toBe('FORBIDDEN');
    // Filtering on another unit gives only the tasks it leads that this unit coordinates.
    const filtered = await unit.data<any>(
      `query ($id: ID!) { tasks(first: 100, filter: { leadOrganisationId: $id }) { edges { node { id coordinatingOrganisations { id } } } } }`,
      { id: SYT },
    );
    for (const { node } of filtered.tasks.edges)
      expect(node.coordinatingOrganisations.map((o: any) => o.id)).toContain(SXD);
    expect(filtered.tasks.edges.map((edge: any) => edge.node.id)).not.toContain(sytTask);
    const all = await unit.data<any>(
      `{ tasks(first: 100) { edges { node { leadOrganisation { id } coordinatingOrganisations { id } } } } }`,
    );
    for (const { node } of all.tasks.edges) {
      expect([node.leadOrganisation.id, ...node.coordinatingOrganisations.map((o: any) => o.id)]).toContain(SXD);
    }
    expect(await codeOf(unit, PROGRESS, progress(sytTask))).toBe('NOT_FOUND');
    expect(await codeOf(unit, ASSIGN, newTask())).toBe('FORBIDDEN');
    expect(await codeOf(unit, CREATE_UNIT, newUnit())).toBe('FORBIDDEN');
    // Its own unit's inspection, not another's.
    expect(await codeOf(unit, INSPECTION, { id: DEMO_INSPECTION.id })).toBe('ok');
    expect(await codeOf(as(['UNIT'], SYT), INSPECTION, { id: DEMO_INSPECTION.id })).toBe('FORBIDDEN');
  });

  it('UNIT: another unit’s tasks and inspections through _entities sent straight to the subgraphs', async () => {
    const unitUser: RequestUser = { id: 'unit-syt', roles: ['UNIT'], organisationId: SYT };
    const direct = async (url: string, query: string, variables: Record<string, unknown>) => {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [USER_TOKEN_HEADER]: await signUserToken(unitUser) },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as any;
    };
    const tasks = await direct(
      stack.services.assignments.url,
      'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Organisation { tasks { totalCount } } } }',
      { r: [{ __typename: 'Organisation', id: SXD }] },
    );
    expect(tasks.errors[0].extensions.code).toBe('FORBIDDEN');
    const inspection = await direct(
      stack.services.inspections.url,
      'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Inspection { id findings } } }',
      { r: [{ __typename: 'Inspection', id: DEMO_INSPECTION.id }] },
    );
    expect(inspection.errors[0].extensions.code).toBe('FORBIDDEN');
    expect(JSON.stringify(inspection.data)).not.toContain('Sở Xây dựng đã ban hành');
  });
});

describe('errors tell a unit nothing about a task it may not read', () => {
  const SUBMIT = contractOperation('tasks.graphql', 'SubmitCompletion');
  const REQUEST = contractOperation('tasks.graphql', 'RequestExtension');
  const NO_TASK = '00000000-0000-4000-8000-000000000000';
  /** The first error's code and message, with the id the caller sent replaced. */
  async function answer(query: string, input: Record<string, unknown>, org = SXD) {
    const result = await as(['UNIT'], org).request(query, { input });
    const error = result.errors?.[0];
    return { code: error?.extensions?.code, message: error?.message.replace(String(input.taskId), '<id>') };
  }

  it('another unit’s task answers exactly as a task that does not exist, whatever the dates and versions', async () => {
    const cases: Array<[string, Record<string, unknown>]> = [
      [PROGRESS, { reportedOn: '2017-01-01', note: 'Trước ngày giao' }],
      [PROGRESS, { reportedOn: '2017-11-10', note: 'Phiên bản cũ', expectedVersion: 99 }],
      [SUBMIT, { completedOn: '2017-01-01', note: 'Xong' }],
      [REQUEST, { requestedOn: '2017-11-20', proposedDueOn: '2017-11-21', reason: 'Trước hạn' }],
    ];
    for (const [query, input] of cases) {
      const missing = await answer(query, { ...input, taskId: NO_TASK });
      expect(missing.code).toBe('NOT_FOUND');
      expect(await answer(query, { ...input, taskId: sytTask })).toEqual(missing);
    }
  });

  it('a coordinating unit may read the task but is refused before any date or version is checked', async () => {
    const { assignTask } = await stack.gateway.client.data<any>(ASSIGN, {
      input: {
        title: 'Nhiệm vụ phối hợp',
        assignedOn: '2017-11-01',
        dueOn: '2017-12-01',
        leadOrganisationId: SYT,
        coordinatingOrganisationIds: [SXD],
      },
    });
    const refused = await answer(PROGRESS, {
      taskId: assignTask.id,
      reportedOn: '2017-01-01',
      note: 'x',
      expectedVersion: 99,
    });
    expect(refused.code).toBe('FORBIDDEN');
    expect(refused.message).not.toMatch(/2017|version/);
  });
});

describe('authentication', () => {
  const raw = (authorization?: string) =>
    fetch(stack.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
      body: JSON.stringify({ query: '{ organisations { id } }' }),
    });
  const unsigned = () => {
    const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    return `${encode({ alg: 'none', typ: 'JWT' })}.${encode({ sub: 'x', roles: ['OFFICE'], exp: Math.floor(Date.now() / 1000) + 3600 })}.`;
  };

  it.each([
    ['no token', async () => undefined],
    ['a malformed token', async () => 'Bearer not-a-jwt'],
    ['another scheme', async () => `Basic ${Buffer.from('office:secret').toString('base64')}`],
    [
      'an expired token',
      async () => `Bearer ${await testToken({ roles: ['OFFICE'] }, { expiresIn: Math.floor(Date.now() / 1000) - 60 })}`,
    ],
    ['a token not valid yet', async () => `Bearer ${await testToken({ roles: ['OFFICE'] }, { notBefore: '1h' })}`],
    [
      'a token signed with another secret',
      async () => `Bearer ${await testToken({ roles: ['OFFICE'] }, { secret: 'x'.repeat(40) })}`,
    ],
    ['an unsigned token (alg: none)', async () => `Bearer ${unsigned()}`],
    [
      'a token of another algorithm (RS256)',
      async () => {
        const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
        return `Bearer ${await new SignJWT({ roles: ['OFFICE'] }).setProtectedHeader({ alg: 'RS256' }).setSubject('x').setExpirationTime('1h').sign(privateKey)}`;
      },
    ],
    ['a UNIT token without its organisation', async () => `Bearer ${await testToken({ roles: ['UNIT'] })}`],
  ])('%s: 401 UNAUTHENTICATED, no subgraph call', async (_case, header) => {
    const before = work();
    const response = await raw(await header());
    expect(response.status).toBe(401);
    const body = (await response.json()) as any;
    expect(body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(work()).toEqual(before);
  });

  it('health checks need no token', async () => {
    expect((await fetch(new URL('/health', stack.gateway.url))).status).toBe(200);
  });

  it('a subgraph called directly refuses everything without the gateway’s proof, _service and _entities too', async () => {
    for (const service of Object.values(stack.services)) {
      for (const [query, token] of [
        ['{ _service { sdl } }', undefined],
        ['query { _entities(representations: [{ __typename: "Organisation", id: "x" }]) { __typename } }', undefined],
        [
          '{ _service { sdl } }',
          await new SignJWT({ roles: ['LEADER'] })
            .setProtectedHeader({ alg: 'HS256' })
            .setSubject('forged')
            .setIssuer('giaoviec-gateway')
            .setAudience('giaoviec-subgraphs')
            .setExpirationTime('1m')
            .sign(new TextEncoder().encode(TEST_JWT_SECRET)),
        ],
      ] as const) {
        const response = await fetch(service.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(token ? { [USER_TOKEN_HEADER]: token } : {}) },
          body: JSON.stringify({ query }),
        });
        expect(response.status).toBe(401);
        expect(((await response.json()) as any).errors[0].extensions.code).toBe('UNAUTHENTICATED');
      }
    }
  });
});

describe('abuse limits: refused at the gateway, with no subgraph call and no SQL', () => {
  const office = () => stack.gateway.client;
  const refused = async (query: string, variables: Record<string, unknown> = {}) => {
    const before = work();
    const result = await office().request(query, variables);
    expect(work()).toEqual(before);
    return result;
  };

  it('a query nested 7 deep, also through fragments', async () => {
    const deep =
      '{ organisations { children { children { children { children { children { children { id } } } } } } } }';
    expect((await refused(deep)).errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const viaFragments = `{ organisations { ...a } } fragment a on Organisation { children { ...b } } fragment b on Organisation { children { ...c } }
      fragment c on Organisation { children { children { children { children { id } } } } }`;
    expect((await refused(viaFragments)).errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('101 aliases, 60 directives, 1,000 duplicate fields, a 20,000-token query', async () => {
    const aliases = `{ ${Array.from({ length: 101 }, (_, i) => `a${i}: organisations { id }`).join(' ')} }`;
    expect((await refused(aliases)).errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const directives = `{ organisations { id ${'@include(if: true) '.repeat(60)} } }`;
    expect((await refused(directives)).errors).toBeDefined();
    const duplicates = `{ organisations { ${'id '.repeat(1000)} } }`;
    expect((await refused(duplicates)).errors).toBeDefined();
    const huge = `{ organisations { ${'code name '.repeat(10_000)} } }`;
    expect((await refused(huge)).errors).toBeDefined();
  });

  it('a body over 100 kB, a 1 MB string, a batched array', async () => {
    const post = (body: string) =>
      fetch(stack.gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${'x'}` },
        body,
      });
    const before = work();
    const big = await post(
      JSON.stringify({ query: '{ organisations { id } }', variables: { s: 'x'.repeat(1_000_000) } }),
    );
    expect(big.status).toBe(413);
    expect(((await big.json()) as any).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
    const token = await testToken({ roles: ['OFFICE'] });
    const batch = await fetch(stack.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify([{ query: '{ organisations { id } }' }, { query: '{ organisations { id } }' }]),
    });
    expect(batch.status).toBe(400);
    expect(work()).toEqual(before);
  });

  it('first: 99999999 is refused; introspection and field suggestions are off outside development', async () => {
    // The cost limit counts `first` as the multiplier of the items asked for: refused at the gateway.
    expect((await refused('{ tasks(first: 99999999) { edges { node { id } } } }')).errors?.[0]?.message).toMatch(
      /Cost limit/,
    );
    // Asking for no item costs nothing to count; the subgraph refuses the size before any SQL.
    const sqlBefore = work().sql;
    expect((await office().request('{ tasks(first: 99999999) { totalCount } }')).errors?.[0]?.extensions).toMatchObject(
      { code: 'BAD_USER_INPUT', field: 'first' },
    );
    expect(work().sql).toBe(sqlBefore);
    // Under the cost limit, the subgraph's own cap (100) answers.
    expect((await office().request('{ tasks(first: 101) { totalCount } }')).errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'first',
    });
    const introspection = await refused('{ __schema { types { name } } }');
    expect(introspection.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const typo = await refused('{ organisatons { id } }');
    expect(typo.errors?.[0]?.message).not.toMatch(/Did you mean/);
  });

  it('a mutation over GET, and a GET without a preflight header', async () => {
    const token = await testToken({ roles: ['OFFICE'] });
    const get = (query: string, headers: Record<string, string>) =>
      fetch(`${stack.gateway.url}?query=${encodeURIComponent(query)}`, {
        headers: { authorization: `Bearer ${token}`, ...headers },
      });
    const before = work();
    const mutation = await get(
      'mutation { createOrganisation(input: { code: "GET1", name: "x", kind: OTHER }) { id } }',
      {
        'apollo-require-preflight': 'true',
      },
    );
    expect(mutation.status).toBe(405);
    const simple = await get('{ organisations { id } }', {});
    expect(simple.status).toBe(400);
    expect(work()).toEqual(before);
    const preflighted = await get('{ organisations { id } }', { 'apollo-require-preflight': 'true' });
    expect(preflighted.status).toBe(200);
  });
});

describe('input hygiene', () => {
  const search = async (text: string) =>
    stack.gateway.client.request<any>(`query ($s: String) { tasks(filter: { search: $s }) { totalCount } }`, {
      s: text,
    });

  it('search text is literal text: quotes, wildcards and backslashes match only themselves', async () => {
    for (const text of ["' OR 1=1--", '%', '_', '\\', '%_%']) {
      const result = await search(text);
      expect([text, result.errors]).toEqual([text, undefined]);
      expect(result.data.tasks.totalCount).toBe(0);
    }
  });

  it('NUL and other control characters, and over-long text, are refused', async () => {
    expect((await search('a\u0000b')).errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'search',
    });
    expect((await search('x'.repeat(201))).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const nulTitle = await stack.gateway.client.request(ASSIGN, {
      input: { title: 'a\u0000b', assignedOn: '2017-11-01', leadOrganisationId: SXD },
    });
    expect(nulTitle.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'title' });
  });

  it('decomposed and precomposed Vietnamese are the same text, in search and in input', async () => {
    const title = 'Xây dựng đề án phát triển đô thị Đồng Đăng';
    const { assignTask } = await stack.gateway.client.data<any>(ASSIGN, {
      input: { title: title.normalize('NFD'), assignedOn: '2017-11-02', leadOrganisationId: SXD },
    });
    expect(assignTask.title).toBe(title.normalize('NFC'));
    for (const query of [
      'đề án phát triển đô thị Đồng Đăng'.normalize('NFD'),
      'đề án phát triển đô thị Đồng Đăng'.normalize('NFC'),
      'de an phat trien do thi dong dang',
    ]) {
      expect((await search(query)).data.tasks.totalCount).toBe(1);
    }
    const code = 'NFC-TEST';
    await stack.gateway.client.data(CREATE_UNIT, {
      input: { code, name: 'Phòng Đô thị'.normalize('NFD'), kind: 'OTHER' },
    });
    const { organisations } = await stack.gateway.client.data<any>(ORGANISATIONS, { kinds: ['OTHER'] });
    expect(organisations.find((unit: any) => unit.code === code).name).toBe('Phòng Đô thị'.normalize('NFC'));
  });
});

describe('identity providers: RS256 and ES256 by public key or JWKS', () => {
  const startGatewayWith = (authentication: Record<string, string>) => stack.anotherGateway({ authentication });
  const sign = (key: KeyLike, alg: string, claims: Record<string, unknown> = {}) =>
    new SignJWT({ roles: ['READER'], ...claims })
      .setProtectedHeader({ alg, kid: 'k1' })
      .setSubject('idp-user')
      .setExpirationTime('5m')
      .sign(key);
  const askWith = async (url: string, token: string) =>
    (await new GraphQLClient(url, token).request(ORGANISATIONS)).errors?.[0]?.extensions?.code ?? 'ok';

  it('accepts RS256 and ES256 tokens of the configured public key, and nothing else', async () => {
    for (const [type, alg] of [
      ['rsa', 'RS256'],
      ['ec', 'ES256'],
    ] as const) {
      const pair =
        type === 'rsa'
          ? generateKeyPairSync('rsa', { modulusLength: 2048 })
          : generateKeyPairSync('ec', { namedCurve: 'P-256' });
      const other =
        type === 'rsa'
          ? generateKeyPairSync('rsa', { modulusLength: 2048 })
          : generateKeyPairSync('ec', { namedCurve: 'P-256' });
      const gateway = await startGatewayWith({
        publicKey: pair.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      });
      try {
        expect([alg, await askWith(gateway.url, await sign(pair.privateKey, alg))]).toEqual([alg, 'ok']);
        expect(await askWith(gateway.url, await sign(other.privateKey, alg))).toBe('UNAUTHENTICATED');
        expect(await askWith(gateway.url, await testToken({ roles: ['READER'] }))).toBe('UNAUTHENTICATED');
      } finally {
        await gateway.stop();
      }
    }
  });

  it('verifies against the keys a JWKS URL publishes, with issuer and audience checked', async () => {
    const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    const keys = createHttpServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((listening) => keys.listen(0, '127.0.0.1', listening));
    const jwksUrl = `http://127.0.0.1:${(keys.address() as { port: number }).port}/jwks.json`;
    const gateway = await startGatewayWith({ jwksUrl, issuer: 'https://idp.example.vn', audience: 'giaoviec' });
    try {
      const good = await new SignJWT({ roles: ['READER'] })
        .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
        .setSubject('idp-user')
        .setIssuer('https://idp.example.vn')
        .setAudience('giaoviec')
        .setExpirationTime('5m')
        .sign(privateKey);
      expect(await askWith(gateway.url, good)).toBe('ok');
      expect(await askWith(gateway.url, await sign(privateKey, 'RS256'))).toBe('UNAUTHENTICATED');
    } finally {
      await gateway.stop();
      keys.close();
    }
  });
});
