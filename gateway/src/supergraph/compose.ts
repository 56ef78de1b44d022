import { composeServices } from '@apollo/composition';
import { buildAssignmentsSchema } from '@giaoviec/assignments';
import { buildInspectionsSchema } from '@giaoviec/inspections';
import { buildNotificationsSchema } from '@giaoviec/notifications';
import { buildOrganisationsSchema } from '@giaoviec/organisations';
import { defaultSubgraphPort, type SubgraphName } from '@giaoviec/shared';
import { printSubgraphSchema } from '@apollo/subgraph';
import { parse, type GraphQLSchema } from 'graphql';
import { readFileSync, writeFileSync } from 'node:fs';
import { SUPERGRAPH_PATH } from './path';

const SUBGRAPH_SCHEMAS: Record<SubgraphName, () => Promise<GraphQLSchema>> = {
  organisations: buildOrganisationsSchema,
  assignments: buildAssignmentsSchema,
  inspections: buildInspectionsSchema,
  notifications: buildNotificationsSchema,
};

/**
 * Composes the supergraph from each subgraph's printed SDL, with the URLs of a local run
 * (`npm start`); the gateway overrides them from the environment.
 */
export async function composeSupergraph(): Promise<{ supergraphSdl: string; hints: string[] }> {
  const services = await Promise.all(
    Object.entries(SUBGRAPH_SCHEMAS).map(async ([name, build]) => ({
      name,
      url: `http://localhost:${defaultSubgraphPort(name as SubgraphName)}/graphql`,
      typeDefs: parse(printSubgraphSchema(await build())),
    })),
  );
  const result = composeServices(services);
  if (result.errors) {
    throw new Error(`composition failed:\n${result.errors.map((error) => `- ${error.message}`).join('\n')}`);
  }
  return { supergraphSdl: result.supergraphSdl, hints: result.hints.map((hint) => hint.toString()) };
}

/** `npm run compose` writes supergraph.graphql; `-- --check` fails when the committed one is stale. */
async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const { supergraphSdl, hints } = await composeSupergraph();
  for (const hint of hints) console.log(`hint: ${hint}`);
  if (check) {
    const committed = readFileSync(SUPERGRAPH_PATH, 'utf8');
    if (committed !== supergraphSdl) {
      console.error('supergraph.graphql is stale: run `npm run compose` and commit the result');
      process.exit(1);
    }
    console.log('supergraph.graphql is up to date');
    return;
  }
  writeFileSync(SUPERGRAPH_PATH, supergraphSdl);
  console.log(`wrote ${SUPERGRAPH_PATH}`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
