import { demoUnitId, flushTracing } from '@giaoviec/shared';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { contractOperation } from './harness/graphql-client';
import { startTestStack, type TestStack } from './harness/stack';

/**
 * OpenTelemetry traces: one trace per client request across the gateway and the subgraphs, sent
 * by OTLP/HTTP (JSON) to a receiver this test runs, and nothing at all when tracing is off.
 */
const UNIT_INSPECTIONS = contractOperation('inspections.graphql', 'UnitInspections');
const ASSIGN = contractOperation('tasks.graphql', 'AssignTask');

interface ReceivedSpan {
  service: string;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes: Record<string, unknown>;
}

const SERVER = 2;
const CLIENT = 3;

type OtlpValue = { stringValue?: string; intValue?: string | number; boolValue?: boolean; doubleValue?: number };
type OtlpAttributes = Array<{ key: string; value: OtlpValue }>;

const attributes = (list: OtlpAttributes = []) =>
  Object.fromEntries(
    list.map(({ key, value }) => [
      key,
      value.stringValue ??
        (value.intValue !== undefined ? Number(value.intValue) : (value.boolValue ?? value.doubleValue)),
    ]),
  );

/** An OTLP/HTTP traces receiver (JSON): every span it was sent, with the service that sent it. */
async function startReceiver() {
  const spans: ReceivedSpan[] = [];
  let requests = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      requests++;
      if (req.method !== 'POST' || req.url !== '/v1/traces' || !req.headers['content-type']?.includes('json')) {
        res.writeHead(400).end();
        return;
      }
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
        resourceSpans: Array<{
          resource: { attributes: OtlpAttributes };
          scopeSpans: Array<{
            spans: Array<{
              traceId: string;
              spanId: string;
              parentSpanId?: string;
              name: string;
              kind: number;
              attributes?: OtlpAttributes;
            }>;
          }>;
        }>;
      };
      for (const { resource, scopeSpans } of body.resourceSpans) {
        const service = String(attributes(resource.attributes)['service.name']);
        for (const { spans: sent } of scopeSpans) {
          for (const span of sent) {
            spans.push({
              service,
              traceId: span.traceId,
              spanId: span.spanId,
              parentSpanId: span.parentSpanId || undefined,
              name: span.name,
              kind: span.kind,
              attributes: attributes(span.attributes),
            });
          }
        }
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1/traces`,
    spans,
    requests: () => requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

let receiver: Awaited<ReturnType<typeof startReceiver>>;
const lines: Array<Record<string, unknown>> = [];

beforeAll(async () => {
  receiver = await startReceiver();
});

afterAll(async () => {
  await receiver?.close();
});

/** The spans of the trace whose gateway request span has this request id. */
function traceOf(requestId: string): ReceivedSpan[] {
  const root = receiver.spans.find(
    (span) =>
      span.service === 'gateway' && span.kind === SERVER && span.attributes['giaoviec.request.id'] === requestId,
  );
  if (!root) throw new Error(`no gateway span for request ${requestId}`);
  return receiver.spans.filter((span) => span.traceId === root.traceId);
}

describe('with tracing on', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack({ demoData: true, logLines: lines, tracing: { url: receiver.url } });
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('one trace covers the gateway, each subgraph it called and their SQL, every span under its parent', async () => {
    const requestId = 'tracing-test-0001';
    const response = await stack.gateway.client.request(
      UNIT_INSPECTIONS,
      { organisationId: demoUnitId('SXD') },
      { 'x-request-id': requestId },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data?.organisation.inspections.length).toBeGreaterThan(0);
    await flushTracing();

    const spans = traceOf(requestId);
    const byId = new Map(spans.map((span) => [span.spanId, span]));
    // One root: the gateway's request, named after the operation.
    const roots = spans.filter((span) => !span.parentSpanId);
    expect(roots).toHaveLength(1);
    expect(roots[0]).toMatchObject({ service: 'gateway', kind: SERVER, name: 'query UnitInspections' });
    // Every other span's parent is in the same trace.
    for (const span of spans) if (span.parentSpanId) expect(byId.has(span.parentSpanId)).toBe(true);
    // @apollo/gateway's own spans joined the request.
    const gatewayNames = spans.filter((span) => span.service === 'gateway').map((span) => span.name);
    expect(gatewayNames).toEqual(expect.arrayContaining(['gateway.request', 'gateway.plan', 'gateway.fetch']));

    // Each subgraph's request span is the child of the gateway's fetch span for that subgraph.
    for (const subgraph of ['organisations', 'inspections', 'assignments']) {
      const requests = spans.filter((span) => span.service === subgraph && span.kind === SERVER);
      const fromGateway = requests.filter((span) => {
        const parent = byId.get(span.parentSpanId ?? '');
        return parent?.service === 'gateway' && parent.name === 'gateway.fetch';
      });
      expect(fromGateway.length).toBeGreaterThan(0);
      for (const span of fromGateway) {
        expect(byId.get(span.parentSpanId!)!.attributes.service).toBe(subgraph);
        expect(span.name).toMatch(/^query /);
        expect(span.attributes['giaoviec.request.id']).toBe(requestId);
      }
    }

    // SQL statements are spans of the subgraph that sent them, below that subgraph's request span.
    const statements = spans.filter(
      (span) => span.kind === CLIENT && span.attributes['db.system.name'] === 'postgresql',
    );
    expect(new Set(statements.map((span) => span.service))).toEqual(
      new Set(['organisations', 'inspections', 'assignments']),
    );
    for (const statement of statements) {
      expect(statement.attributes['db.query.text']).toEqual(expect.stringMatching(/^\s*(SELECT|WITH)\b/i));
      let ancestor = byId.get(statement.parentSpanId!);
      while (ancestor && ancestor.kind !== SERVER) ancestor = byId.get(ancestor.parentSpanId ?? '');
      expect(ancestor?.service).toBe(statement.service);
    }
  });

  it('continues the trace a client sends in traceparent', async () => {
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const parent = '00f067aa0ba902b7';
    const requestId = 'tracing-test-0002';
    await stack.gateway.client.request(
      UNIT_INSPECTIONS,
      { organisationId: demoUnitId('SXD') },
      { traceparent: `00-${traceId}-${parent}-01`, 'x-request-id': requestId },
    );
    await flushTracing();
    const spans = traceOf(requestId);
    expect(spans.filter((span) => span.parentSpanId === parent)).toEqual([
      expect.objectContaining({ service: 'gateway', kind: SERVER, traceId }),
    ]);
    expect(new Set(spans.map((span) => span.service))).toEqual(
      new Set(['gateway', 'organisations', 'inspections', 'assignments']),
    );
  });

  it('log lines of a traced request carry its trace id, at the gateway and in the subgraph', async () => {
    const mark = lines.length;
    const result = await stack.as({ sub: 'reader-7', roles: ['READER'] }).request(ASSIGN, {
      input: { title: 'x', assignedOn: '2017-11-01', leadOrganisationId: demoUnitId('SXD') },
    });
    const requestId = String(result.errors?.[0]?.extensions?.requestId);
    await flushTracing();
    const [root] = traceOf(requestId);
    const refused = lines.slice(mark).filter((line) => line.msg === 'request refused' && line.requestId === requestId);
    expect(refused.length).toBeGreaterThanOrEqual(1);
    for (const line of refused) expect(line).toMatchObject({ traceId: root!.traceId, spanId: expect.any(String) });
  });
});

describe('with tracing off (the default)', () => {
  it('sends nothing, and log lines carry no trace id', async () => {
    const before = receiver.requests();
    const mark = lines.length;
    const stack = await startTestStack({ demoData: true, logLines: lines });
    try {
      const response = await stack.gateway.client.request(UNIT_INSPECTIONS, { organisationId: demoUnitId('SXD') });
      expect(response.errors).toBeUndefined();
      await stack.as({ roles: ['READER'] }).request(ASSIGN, {
        input: { title: 'x', assignedOn: '2017-11-01', leadOrganisationId: demoUnitId('SXD') },
      });
      await flushTracing();
    } finally {
      // Stopping would send any span a provider still held.
      await stack.stop();
    }
    expect(receiver.requests()).toBe(before);
    const logged = lines.slice(mark).filter((line) => line.requestId);
    expect(logged.length).toBeGreaterThan(0);
    for (const line of logged) expect(line).not.toHaveProperty('traceId');
  });
});
