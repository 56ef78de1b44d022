import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { startTestStack, type TestStack } from './harness/stack';

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
