import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, Kind, type FragmentDefinitionNode } from 'graphql';

import { operationCost } from './operation-cost';

/**
 * Abuse limits, each configurable: depth, aliases, directives and tokens at least as strict as
 * GraphQL Armor's defaults; the cost as the GraphQL Cost Directives count it (operation-cost.ts).
 */
export interface Limits {
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  maxTokens: number;
  maxCost: number;
  /** Bytes the subgraphs may send for one request, all their answers together. */
  maxSubgraphBytes: number;
}

/** 8 MiB: 36 times the largest answer of the contract at national scale (docs/decisions/0021). */
export const DEFAULT_MAX_SUBGRAPH_BYTES = 8 * 1024 * 1024;

export function limitsFromEnvironment(env: NodeJS.ProcessEnv = process.env): Limits {
  const read = (name: string, fallback: number) => {
    const value = Number(env[name] ?? fallback);
    if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer`);
    return value;
  };
  return {
    maxDepth: read('GRAPHQL_MAX_DEPTH', 6),
    maxAliases: read('GRAPHQL_MAX_ALIASES', 15),
    maxDirectives: read('GRAPHQL_MAX_DIRECTIVES', 50),
    maxTokens: read('GRAPHQL_MAX_TOKENS', 1000),
    // Twice the client contract's largest request, a feed page of 500 (2,502); decision 21's table.
    maxCost: read('GRAPHQL_MAX_COST', 5000),
    maxSubgraphBytes: read('GRAPHQL_MAX_SUBGRAPH_BYTES', DEFAULT_MAX_SUBGRAPH_BYTES),
  };
}

/**
 * The gateway's protections, all refused before any subgraph call: GraphQL Armor's depth, alias
 * and directive limits while validating; the token limit in graphql-js's own parser (a syntax
 * error, 400: Armor's token plugin throws where Apollo Server answers 500); and the cost, counted
 * once the operation and its variables are known (Armor's cost plugin sees only sizes written in the
 * query, and counts by a model that charges depth: docs/decisions/0021).
 */
export function protections<Context extends object>(limits: Limits) {
  const { validationRules } = new ApolloArmor({
    maxDepth: { n: limits.maxDepth },
    maxAliases: { n: limits.maxAliases },
    maxDirectives: { n: limits.maxDirectives },
    maxTokens: { enabled: false },
    costLimit: { enabled: false },
    // The gateway removes every suggestion itself, wherever the error comes from (withoutSuggestions).
    blockFieldSuggestion: { enabled: false },
  }).protect();
  return {
    validationRules,
    parseOptions: { maxTokens: limits.maxTokens },
    plugins: [costLimitPlugin<Context>(limits.maxCost)],
  };
}

/** Refuses an operation whose cost (operationCost, with the request's variables) passes `maxCost`. */
export function costLimitPlugin<Context extends object>(maxCost: number): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          const fragments: Record<string, FragmentDefinitionNode> = {};
          for (const definition of document.definitions)
            if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
          const cost = operationCost(schema, operation, fragments, request.variables);
          if (cost > maxCost)
            throw new GraphQLError(
              `Cost limit of ${maxCost} exceeded: this request costs ${cost} (GRAPHQL_MAX_COST). Ask for fewer items per page or fewer nested lists.`,
              { extensions: { code: 'GRAPHQL_VALIDATION_FAILED', cost, maxCost, http: { status: 400 } } },
            );
        },
      };
    },
  };
}
