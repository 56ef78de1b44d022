import { Supergraph } from '@apollo/federation-internals';
import { CriticalityLevel, diff, type Change } from '@graphql-inspector/core';
import { buildSchema, lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { SUPERGRAPH_PATH } from './path';

/** The API schema clients were last promised, and the breaking changes recorded as intended. */
export const API_SNAPSHOT_PATH = resolve(__dirname, '../../../schema/api.graphql');
export const INTENDED_PATH = resolve(__dirname, '../../../schema/intended-breaking-changes.json');

/** What clients see of a supergraph: its API schema, printed in a stable order. */
export function apiSchemaOf(supergraphSdl: string): string {
  return printSchema(lexicographicSortSchema(Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema()));
}

export interface SchemaReview {
  changes: Change[];
  /** Breaking changes not recorded as intended. */
  unrecorded: Change[];
}

/** The changes from the promised API schema to the current one, checked against the record. */
export async function reviewSchemaChanges(
  promised: GraphQLSchema,
  current: GraphQLSchema,
  intended: readonly string[],
): Promise<SchemaReview> {
  const changes = await diff(promised, current);
  const unrecorded = changes.filter(
    (change) => change.criticality.level === CriticalityLevel.Breaking && !intended.includes(change.message),
  );
  return { changes, unrecorded };
}

/**
 * `npm run schema:check`: fails when the API schema breaks what `schema/api.graphql` promised,
 * unless each breaking change is recorded (by its message) in `schema/intended-breaking-changes.json`.
 * `npm run schema:accept` makes the current API schema the promise, once its breaking changes are recorded.
 */
async function main(): Promise<void> {
  const accept = process.argv.includes('--accept');
  const current = apiSchemaOf(readFileSync(SUPERGRAPH_PATH, 'utf8'));
  const intended = existsSync(INTENDED_PATH)
    ? (JSON.parse(readFileSync(INTENDED_PATH, 'utf8')) as Array<{ message: string }>).map((entry) => entry.message)
    : [];
  const promised = existsSync(API_SNAPSHOT_PATH) ? readFileSync(API_SNAPSHOT_PATH, 'utf8') : current;
  const { changes, unrecorded } = await reviewSchemaChanges(buildSchema(promised), buildSchema(current), intended);
  for (const change of changes) console.log(`${change.criticality.level.padEnd(12)} ${change.message}`);
  if (unrecorded.length) {
    console.error(
      `\n${unrecorded.length} breaking change(s) not recorded as intended in schema/intended-breaking-changes.json:`,
    );
    for (const change of unrecorded) console.error(`  ${change.message}`);
    process.exit(1);
  }
  if (accept) {
    writeFileSync(API_SNAPSHOT_PATH, current);
    console.log(`wrote ${API_SNAPSHOT_PATH}`);
  } else {
    console.log(
      changes.length ? `${changes.length} change(s), none breaking unrecorded` : 'no change to the API schema',
    );
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
