import { SubgraphBytes, readCharged } from './subgraph-bytes';

/** A body that arrives in chunks, and says whether its reader gave up on it. */
function chunked(chunks: string[]) {
  let cancelled = false;
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent === chunks.length) controller.close();
      else controller.enqueue(new TextEncoder().encode(chunks[sent++]));
    },
    cancel() {
      cancelled = true;
    },
  });
  return { response: new Response(body), cancelled: () => cancelled, sent: () => sent };
}

describe('SubgraphBytes', () => {
  it('counts every answer of a request against one bound', () => {
    const budget = new SubgraphBytes(10);
    budget.take(6);
    budget.take(4);
    expect(budget.exceeded).toBe(false);
    expect(() => budget.take(1)).toThrow(
      expect.objectContaining({ extensions: { code: 'RESPONSE_TOO_LARGE', limit: 10 } }),
    );
    expect(budget.exceeded).toBe(true);
    // Once past it, nothing more is let through, not even an empty answer.
    expect(() => budget.take(0)).toThrow(/too large/);
  });
});

describe('readCharged', () => {
  it('reads a body whole, multi-byte characters split across chunks included', async () => {
    const text = 'Sở Xây dựng';
    const bytes = new TextEncoder().encode(text);
    const halves = new Response(
      new ReadableStream({
        start(controller) {
          controller.enqueue(bytes.slice(0, 2));
          controller.enqueue(bytes.slice(2));
          controller.close();
        },
      }),
    );
    const budget = new SubgraphBytes(100);
    expect(await readCharged(halves, budget)).toBe(text);
    expect(() => budget.take(100 - bytes.byteLength)).not.toThrow();
  });

  it('stops reading and cancels the body as soon as the bound is passed', async () => {
    const body = chunked(Array.from({ length: 10 }, () => 'x'.repeat(40)));
    await expect(readCharged(body.response, new SubgraphBytes(100))).rejects.toThrow(/too large/);
    expect(body.cancelled()).toBe(true);
    expect(body.sent()).toBeLessThan(5);
  });
});
