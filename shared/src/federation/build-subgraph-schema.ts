import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { parse, type GraphQLSchema } from 'graphql';
import { checkRoles } from '../auth/auth-checker';
import { buildSchema, createResolversMap, type NonEmptyArray } from 'type-graphql';

/** The Federation 2 version every subgraph links (composition 2.14 accepts up to v2.14). */
export const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@external", "@requires", "@provides", "@inaccessible", "@tag"])';

export interface SubgraphSchemaOptions {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  resolvers: Function[];
  /** Types reached only through the gateway (entity stubs), which no resolver returns. */
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  orphanedTypes?: Function[];
  /** `__resolveReference` (and other resolvers) per type name, merged over type-graphql's. */
  referenceResolvers?: GraphQLResolverMap<unknown>;
}

/**
 * type-graphql classes → Federation 2 subgraph schema. graphql's printer drops directive usages
 * such as `@key`, so the schema is printed with them, linked to the federation spec, and rebuilt
 * by @apollo/subgraph with type-graphql's resolvers (enum values and scalars included).
 */
export async function buildFederatedSchema(options: SubgraphSchemaOptions): Promise<GraphQLSchema> {
  // A subgraph whose domain has not landed yet still joins the supergraph, with no types.
  if (options.resolvers.length === 0) return buildSubgraphSchema({ typeDefs: parse(FEDERATION_LINK) });
  const schema = await buildSchema({
    // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
    resolvers: options.resolvers as NonEmptyArray<Function>,
    orphanedTypes: options.orphanedTypes,
    authChecker: checkRoles,
    skipCheck: true,
    validate: false,
  });
  const typeDefs = parse(`${FEDERATION_LINK}\n\n${printSchemaWithDirectives(schema)}`);
  const resolvers = createResolversMap(schema) as GraphQLResolverMap<unknown>;
  for (const [typeName, extra] of Object.entries(options.referenceResolvers ?? {})) {
    resolvers[typeName] = {
      ...(resolvers[typeName] as object),
      ...(extra as object),
    } as GraphQLResolverMap<unknown>[string];
  }
  return buildSubgraphSchema({ typeDefs, resolvers });
}
