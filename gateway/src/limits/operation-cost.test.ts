import { Supergraph } from '@apollo/federation-internals';
import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import {
  Kind,
  parse,
  validate,
  type DocumentNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
} from 'graphql';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { SUPERGRAPH_PATH } from '../supergraph/path';
import { operationCost } from './operation-cost';

const schema = Supergraph.build(readFileSync(SUPERGRAPH_PATH, 'utf8')).apiSchema().toGraphQLJSSchema();

/** The cost of the query's (first) operation. */
function cost(query: string, variables: Record<string, unknown> = {}): number {
  const document = parse(query);
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const definition of document.definitions)
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
  return operationCost(schema, operations(document)[0]!, fragments, variables);
}

const operations = (document: DocumentNode) =>
  document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);

/** GraphQL Armor's figure for a query (it counts only sizes written in it). */
function armorCost(query: string): number {
  let found = 0;
  validate(schema, parse(query), [
    costLimitRule({
      maxCost: 0,
      propagateOnRejection: false,
      onReject: [(_c, error) => (found = Number(/found (\d+(\.\d+)?)/.exec(error.message)![1]))],
    }),
  ]);
  return found;
}

const TASKS = '{ id title leadOrganisation { code name } coordinatingOrganisations { code } history { at action } }';

describe('operationCost', () => {
  it('gives Armor’s figure when every size is written in the query', () => {
    for (const query of [
      `{ tasks(first: 100) { totalCount edges { node ${TASKS} } } }`,
      `{ organisations { id code children { id tasks(first: 5) { edges { node { id } } } } } }`,
      `{ a: tasks(first: 3) { ...page } b: tasks(first: 7) { ...page } } fragment page on TaskConnection { totalCount edges { node { id ... on Task { title } } } }`,
    ])
      expect([query, cost(query)]).toEqual([query, armorCost(query)]);
  });

  it('counts a size given in a variable, or by a variable’s default, as if written', () => {
    const literal = cost(`{ tasks(first: 100) { edges { node ${TASKS} } } }`);
    expect(literal).toBeGreaterThan(5000);
    expect(cost(`query ($n: Int) { tasks(first: $n) { edges { node ${TASKS} } } }`, { n: 100 })).toBe(literal);
    expect(cost(`query ($n: Int = 100) { tasks(first: $n) { edges { node ${TASKS} } } }`)).toBe(literal);
    // Armor saw a multiplier of 1 there.
    expect(armorCost(`query ($n: Int = 100) { tasks(first: $n) { edges { node ${TASKS} } } }`)).toBeLessThan(
      literal / 50,
    );
  });

  it('counts an absent or null size as the page the subgraphs give then (20)', () => {
    const twenty = cost(`{ tasks(first: 20) { edges { node { id } } } }`);
    expect(cost(`{ tasks { edges { node { id } } } }`)).toBe(twenty);
    expect(cost(`query ($n: Int) { tasks(first: $n) { edges { node { id } } } }`, { n: null })).toBe(twenty);
    expect(cost(`query ($n: Int) { organisations { tasks(first: $n) { totalCount } } }`)).toBe(
      cost(`{ organisations { tasks(first: 20) { totalCount } } }`),
    );
  });

  it('counts variables that do not coerce as absent (execution refuses them)', () => {
    expect(cost(`query ($n: Int) { tasks(first: $n) { totalCount } }`, { n: 'many' })).toBe(
      cost(`{ tasks { totalCount } }`),
    );
  });

  it('counts each fragment once, as Armor does, however often it is spread', () => {
    // Twenty fragments each spreading the next twice: 2^20 expansions if each spread were walked.
    const name = (i: number) => `f${i}`;
    const chain = Array.from(
      { length: 20 },
      (_, i) => `fragment ${name(i)} on Organisation { id children { ...${name(i + 1)} ...${name(i + 1)} } }`,
    ).join(' ');
    const query = `{ organisations { ...f0 } } ${chain} fragment f20 on Organisation { id }`;
    expect(cost(query)).toBe(armorCost(query));
  });

  it('keeps every operation of the client contract under the default limit (5,000) at their page sizes', () => {
    const contract = resolve(__dirname, '../../../test/contract/operations');
    for (const file of readdirSync(contract)) {
      const document = parse(readFileSync(join(contract, file), 'utf8'));
      const fragments = Object.fromEntries(
        document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d]] : [])),
      );
      for (const operation of operations(document)) {
        const figure = operationCost(schema, operation, fragments, { first: 50 });
        expect([operation.name?.value, figure < 5000]).toEqual([operation.name?.value, true]);
      }
    }
  });
});
