import { ApolloArmor } from '@escape.tech/graphql-armor';

/** Abuse limits, each configurable; defaults at least as strict as GraphQL Armor's. */
export interface Limits {
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  maxTokens: number;
  maxCost: number;
}

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
    maxCost: read('GRAPHQL_MAX_COST', 5000),
  };
}

/**
 * GraphQL Armor's Apollo protections: refused while parsing or validating at the gateway, so a
 * refused request costs no subgraph call and no SQL. Field suggestions are never shown.
 */
export function armor(limits: Limits) {
  return new ApolloArmor({
    maxDepth: { n: limits.maxDepth },
    maxAliases: { n: limits.maxAliases },
    maxDirectives: { n: limits.maxDirectives },
    maxTokens: { n: limits.maxTokens },
    costLimit: { maxCost: limits.maxCost },
    blockFieldSuggestion: { enabled: true },
  }).protect();
}
