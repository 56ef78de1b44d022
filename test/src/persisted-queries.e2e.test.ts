import { OperationSafelist, safelistManifest } from '@giaoviec/gateway';
import type { RunningServer } from '@giaoviec/shared';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { contractOperation } from './harness/graphql-client';
import { startTestStack, type TestStack } from './harness/stack';
import { testToken } from './harness/tokens';

/**
 * Automatic persisted queries (a dashboard sends a hash instead of its long query) and the
 * production safelist (OPERATION_SAFELIST), through real HTTP as clients send them.
 */
const ORGANISATIONS = contractOperation('organisations.graphql', 'Organisations');
const ORGANISATION = contractOperation('organisations.graphql', 'Organisation');
const token = testToken({ sub: 'office-1', roles: ['OFFICE'] });
let stack: TestStack;
let folder: string;

beforeAll(async () => {
  stack = await startTestStack();
  folder = await mkdtemp(join(tmpdir(), 'giaoviec-safelist-'));
});

afterAll(async () => {
  await stack?.stop();
  if (folder) await rm(folder, { recursive: true, force: true });
});

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const persisted = (query: string) => ({ persistedQuery: { version: 1, sha256Hash: sha256(query) } });

interface Answer {
  status: number;
  data?: Record<string, any> | null;
  errors?: Array<{ message: string; extensions?: Record<string, any> }>;
}

async function post(server: RunningServer, body: Record<string, unknown>): Promise<Answer> {
  const response = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await token}` },
    body: JSON.stringify(body),
  });
  return { status: response.status, ...((await response.json()) as object) };
}

/** A GET as Apollo Client sends persisted queries: only the hash in the URL, and the preflight header. */
async function get(server: RunningServer, params: Record<string, unknown>, preflight = true): Promise<Answer> {
  const url = new URL(server.url);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, JSON.stringify(value));
  const response = await fetch(url, {
    headers: {
      authorization: `Bearer ${await token}`,
      ...(preflight ? { 'apollo-require-preflight': 'true' } : {}),
    },
  });
  return { status: response.status, ...((await response.json()) as object) };
}

const codes = (answer: Answer) => answer.errors?.map((error) => error.extensions?.code);

describe('automatic persisted queries', () => {
  it('a hash alone is unknown until the query is sent once with it, then the hash alone runs it', async () => {
    const extensions = persisted(ORGANISATIONS);
    const variables = { kinds: ['DEPARTMENT'] };
    const unknown = await get(stack.gateway, { extensions, variables });
    expect(codes(unknown)).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
    expect(unknown.data).toBeUndefined();

    const registered = await post(stack.gateway, { query: ORGANISATIONS, extensions, variables });
    expect(registered.errors).toBeUndefined();
    expect(registered.data).toEqual({ organisations: [] });

    const byGet = await get(stack.gateway, { extensions, variables });
    expect(byGet.errors).toBeUndefined();
    expect(byGet.data).toEqual(registered.data);
    const byPost = await post(stack.gateway, { extensions, variables });
    expect(byPost.data).toEqual(registered.data);
  });

  it('refuses a GET without the preflight header (CSRF) and a hash that is not the query’s', async () => {
    const csrf = await get(stack.gateway, { extensions: persisted(ORGANISATIONS) }, false);
    expect(csrf.status).toBe(400);
    const mismatch = await post(stack.gateway, { query: ORGANISATIONS, extensions: persisted(ORGANISATION) });
    expect(mismatch.status).toBe(400);
    expect(mismatch.data).toBeUndefined();
  });

  it('keeps a bounded cache: the least recently used query is evicted, not kept for ever', async () => {
    // Room for the larger of the two queries only.
    const gateway = await stack.anotherGateway({
      persistedQueries: { cacheBytes: Math.max(ORGANISATIONS.length, ORGANISATION.length) + 16 },
    });
    try {
      const id = { id: '00000000-0000-4000-8000-000000000000' };
      expect((await post(gateway, { query: ORGANISATIONS, extensions: persisted(ORGANISATIONS) })).errors).toBe(
        undefined,
      );
      expect(
        (await post(gateway, { query: ORGANISATION, extensions: persisted(ORGANISATION), variables: id })).data,
      ).toEqual({ organisation: null });
      expect(codes(await post(gateway, { extensions: persisted(ORGANISATIONS) }))).toEqual([
        'PERSISTED_QUERY_NOT_FOUND',
      ]);
      expect((await post(gateway, { extensions: persisted(ORGANISATION), variables: id })).data).toEqual({
        organisation: null,
      });
    } finally {
      await gateway.stop();
    }
  });
});

describe('with a safelist', () => {
  let gateway: RunningServer;
  let manifestPath: string;

  beforeAll(async () => {
    // As `npm run safelist` writes it, and as the gateway reads OPERATION_SAFELIST.
    manifestPath = join(folder, 'safelist.json');
    await writeFile(manifestPath, JSON.stringify(safelistManifest()));
    gateway = await stack.anotherGateway({ persistedQueries: { safelist: OperationSafelist.load(manifestPath) } });
  });

  afterAll(async () => {
    await gateway?.stop();
  });

  it('runs a contract operation, however it is spaced, commented or ordered', async () => {
    expect((await post(gateway, { query: ORGANISATIONS })).data).toEqual({ organisations: [] });
    // The whole contract file, comments and other operations included, naming the one to run.
    const file = await readFile(join(__dirname, '../contract/operations/organisations.graphql'), 'utf8');
    const answer = await post(gateway, { query: file, operationName: 'Organisations' });
    expect(answer.errors).toBeUndefined();
    expect(answer.data).toEqual({ organisations: [] });
  });

  it('refuses an operation that is not listed with OPERATION_NOT_ALLOWED, and runs nothing of it', async () => {
    const unlisted = `mutation { createOrganisation(input: { code: "SO-THU", name: "Sở Thử", kind: DEPARTMENT }) { id } }`;
    const refused = await post(gateway, { query: unlisted });
    expect(refused.status).toBe(400);
    expect(codes(refused)).toEqual(['OPERATION_NOT_ALLOWED']);
    expect(refused.errors?.[0]?.extensions?.requestId).toEqual(expect.any(String));
    expect(refused.data).toBeUndefined();
    // A listed operation with one more field is another operation.
    const widened = ORGANISATIONS.replace(/\n(\s+)code\n/, '\n$1code\n$1level: kind\n');
    expect(widened).not.toBe(ORGANISATIONS);
    expect(codes(await post(gateway, { query: widened }))).toEqual(['OPERATION_NOT_ALLOWED']);

    const { organisations } = (await post(stack.gateway, { query: ORGANISATIONS })).data!;
    expect(organisations).toEqual([]);
  });

  it('runs a listed operation sent by its id alone, by GET or POST', async () => {
    const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as {
      operations: Array<{ id: string; name: string }>;
    };
    const listed = (name: string) => ({
      persistedQuery: { version: 1, sha256Hash: manifest.operations.find((operation) => operation.name === name)!.id },
    });
    const input = { code: 'SO-THU', name: 'Sở Thử', kind: 'DEPARTMENT' };
    const created = await post(gateway, { extensions: listed('CreateOrganisation'), variables: { input } });
    expect(created.errors).toBeUndefined();
    expect(created.data?.createOrganisation).toMatchObject({ code: 'SO-THU', name: 'Sở Thử', kind: 'DEPARTMENT' });

    const read = await get(gateway, { extensions: listed('Organisations'), variables: { kinds: ['DEPARTMENT'] } });
    expect(read.errors).toBeUndefined();
    expect(read.data?.organisations.map((unit: { code: string }) => unit.code)).toEqual(['SO-THU']);
  });

  it('persists nothing else: an unlisted hash stays unknown after its text is sent', async () => {
    const unlisted = `{ organisations { code } }`;
    expect(codes(await post(gateway, { extensions: persisted(unlisted) }))).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
    expect(codes(await post(gateway, { query: unlisted, extensions: persisted(unlisted) }))).toEqual([
      'OPERATION_NOT_ALLOWED',
    ]);
    expect(codes(await post(gateway, { extensions: persisted(unlisted) }))).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
  });

  it('takes a plain map of id to operation as the manifest too, and refuses a broken one at start', async () => {
    const plain = join(folder, 'plain.json');
    await writeFile(plain, JSON.stringify({ [sha256(ORGANISATION)]: ORGANISATION }));
    const safelist = OperationSafelist.load(plain);
    expect(safelist.body(sha256(ORGANISATION))).toBe(ORGANISATION);
    const broken = join(folder, 'broken.json');
    await writeFile(broken, JSON.stringify({ format: 'apollo-persisted-query-manifest', version: 2, operations: [] }));
    expect(() => OperationSafelist.load(broken)).toThrow(/version 1/);
    await writeFile(broken, JSON.stringify({ abc: '{ organisations { ' }));
    expect(() => OperationSafelist.load(broken)).toThrow(/Syntax Error/);
  });
});
