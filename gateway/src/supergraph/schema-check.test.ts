import { buildSchema } from 'graphql';
import { readFileSync } from 'node:fs';
import { API_SNAPSHOT_PATH, INTENDED_PATH, apiSchemaOf, reviewSchemaChanges } from './schema-check';
import { SUPERGRAPH_PATH } from './path';

const promised = buildSchema(`type Query { organisations(kinds: [String!]): [Organisation!]! }
  type Organisation { id: ID! code: String! name: String }`);

describe('schema change checks', () => {
  it('sees a removed field as breaking, and lets it pass once recorded as intended', async () => {
    const current = buildSchema(`type Query { organisations(kinds: [String!]): [Organisation!]! }
      type Organisation { id: ID! name: String }`);
    const unrecorded = await reviewSchemaChanges(promised, current, []);
    expect(unrecorded.unrecorded.map((change) => change.message)).toEqual([
      "Field 'code' was removed from object type 'Organisation'",
    ]);
    const recorded = await reviewSchemaChanges(promised, current, [
      "Field 'code' was removed from object type 'Organisation'",
    ]);
    expect(recorded.unrecorded).toEqual([]);
  });

  it('lets an added field pass', async () => {
    const current = buildSchema(`type Query { organisations(kinds: [String!]): [Organisation!]! }
      type Organisation { id: ID! code: String! name: String kind: String }`);
    const review = await reviewSchemaChanges(promised, current, []);
    expect(review.changes).toHaveLength(1);
    expect(review.unrecorded).toEqual([]);
  });

  it('the committed supergraph keeps every promise of schema/api.graphql', async () => {
    const current = buildSchema(apiSchemaOf(readFileSync(SUPERGRAPH_PATH, 'utf8')));
    const intended = (JSON.parse(readFileSync(INTENDED_PATH, 'utf8')) as Array<{ message: string }>).map(
      (entry) => entry.message,
    );
    const review = await reviewSchemaChanges(buildSchema(readFileSync(API_SNAPSHOT_PATH, 'utf8')), current, intended);
    expect(review.unrecorded).toEqual([]);
  });
});
