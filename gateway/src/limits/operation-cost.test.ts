import { Supergraph } from '@apollo/federation-internals';
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
import { limitsFromEnvironment } from './limits';
import { ASSUMED_LIST_SIZE, UNSIZED_PAGE, operationCost } from './operation-cost';

const schema = Supergraph.build(readFileSync(SUPERGRAPH_PATH, 'utf8')).apiSchema().toGraphQLJSSchema();
const { maxCost } = limitsFromEnvironment({});

const operations = (document: DocumentNode) =>
  document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);

const fragmentsOf = (document: DocumentNode) => {
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const definition of document.definitions)
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
  return fragments;
};

/** The cost of the query's (first) operation. */
function cost(query: string, variables: Record<string, unknown> = {}): number {
  const document = parse(query);
  return operationCost(schema, operations(document)[0]!, fragmentsOf(document), variables);
}

/** A task with its lists, as the security tests ask for it: the task, its lead and 2 lists of 10 assumed. */
const TASK = '{ id title leadOrganisation { code name } coordinatingOrganisations { code } history { at action } }';
const TASK_COST = 2 + 2 * ASSUMED_LIST_SIZE;

describe('operationCost', () => {
  it('counts 1 for each object a field returns and 0 for scalars and enums, with no factor for depth', () => {
    expect(cost(`{ task(id: "t") { id title status leadOrganisation { code } sourceDocument { number } } }`)).toBe(3);
    expect(cost(`{ organisation(id: "o") { parent { parent { parent { parent { code } } } } } }`)).toBe(5);
    // `__typename` and fields skipped by @skip / @include cost nothing.
    expect(
      cost(`query ($no: Boolean!) { task(id: "t") { __typename leadOrganisation @include(if: $no) { code } } }`, {
        no: false,
      }),
    ).toBe(1);
  });

  it('counts a mutation 10 before its fields, as Apollo Router does', () => {
    expect(
      cost(`mutation { withdrawTask(input: { taskId: "t", reason: "r", withdrawnOn: "2026-01-05" }) { id } }`),
    ).toBe(11);
  });

  it('multiplies a list by its size: a connection’s `first` sizes its edges, nothing else in it', () => {
    expect(cost(`{ tasks(first: 100) { totalCount edges { cursor node { id } } pageInfo { endCursor } } }`)).toBe(
      1 + 100 * 2 + 1,
    );
    expect(cost(`{ taskEvents(first: 500) { edges { cursor } pageInfo { endCursor } } }`)).toBe(502);
    expect(cost(`{ tasks(first: 100) { edges { node ${TASK} } } }`)).toBe(1 + 100 * (1 + TASK_COST));
  });

  it('counts a list without a slicing argument as ASSUMED_LIST_SIZE (10), nested lists multiplied', () => {
    expect(cost(`{ organisations { id children { id } } }`)).toBe(ASSUMED_LIST_SIZE * (1 + ASSUMED_LIST_SIZE));
    expect(cost(`query ($n: Int) { organisations { tasks(first: $n) { totalCount } } }`, { n: 5 })).toBe(
      ASSUMED_LIST_SIZE * (1 + 1),
    );
    expect(cost(`{ organisations { tasks(first: 5) { edges { node { id } } } } }`)).toBe(
      ASSUMED_LIST_SIZE * (1 + 1 + 5 * 2),
    );
  });

  it('counts a size given in a variable, or by a variable’s default, as if written', () => {
    const literal = cost(`{ organisations { tasks(first: 100) { edges { node ${TASK} } } } }`);
    expect(literal).toBe(ASSUMED_LIST_SIZE * (1 + 1 + 100 * (1 + TASK_COST)));
    expect(cost(`query ($n: Int) { organisations { tasks(first: $n) { edges { node ${TASK} } } } }`, { n: 100 })).toBe(
      literal,
    );
    expect(cost(`query ($n: Int = 100) { organisations { tasks(first: $n) { edges { node ${TASK} } } } }`)).toBe(
      literal,
    );
  });

  it('counts a page asked for without a size, or with null, as UNSIZED_PAGE (100, more than any list returns then)', () => {
    const full = cost(`{ taskEvents(first: ${UNSIZED_PAGE}) { edges { node { id } } } }`);
    expect(cost(`{ taskEvents { edges { node { id } } } }`)).toBe(full);
    expect(cost(`query ($n: Int) { taskEvents(first: $n) { edges { node { id } } } }`, { n: null })).toBe(full);
    // Variables that do not coerce count as absent (execution refuses them).
    expect(cost(`query ($n: Int) { taskEvents(first: $n) { edges { node { id } } } }`, { n: 'many' })).toBe(full);
  });

  it('counts a fragment as its selections written out, under the list size it is spread in', () => {
    expect(
      cost(
        `{ a: tasks(first: 3) { ...page } b: tasks(first: 7) { ...page } } fragment page on TaskConnection { edges { node { id ... on Task { leadOrganisation { code } } } } }`,
      ),
    ).toBe(1 + 3 * 3 + (1 + 7 * 3));
  });

  it('counts each fragment once however often it is spread, so that counting is linear', () => {
    // Thirty fragments each spreading the next twice: 2^30 expansions if each spread were walked.
    const name = (i: number) => `f${i}`;
    const chain = Array.from(
      { length: 30 },
      (_, i) => `fragment ${name(i)} on Organisation { id children { ...${name(i + 1)} ...${name(i + 1)} } }`,
    ).join(' ');
    let expected = 0;
    for (let i = 29; i >= 0; i--) expected = ASSUMED_LIST_SIZE * (1 + 2 * expected);
    expect(cost(`{ organisations { ...f0 } } ${chain} fragment f30 on Organisation { id }`)).toBe(
      ASSUMED_LIST_SIZE * (1 + expected),
    );
  });

  it('admits every operation of the client contract at its largest page (500 a feed, 100 otherwise)', () => {
    const contract = resolve(__dirname, '../../../test/contract/operations');
    const figures: Record<string, number> = {};
    for (const file of readdirSync(contract)) {
      const document = parse(readFileSync(join(contract, file), 'utf8'));
      // Operations the supergraph does not serve yet are checked once it does.
      if (validate(schema, document).length > 0) continue;
      for (const operation of operations(document)) {
        const first = operation.name!.value.endsWith('Events') ? 500 : 100;
        figures[operation.name!.value] = operationCost(schema, operation, fragmentsOf(document), { first });
      }
    }
    expect(figures).toMatchObject({ TaskEvents: 2502, InspectionEvents: 2502, OverdueTasks: 202 });
    const over = Object.entries(figures).filter(([, figure]) => figure > maxCost);
    expect(over).toEqual([]);
  });

  it('refuses, at the default limit, the requests the limit is for', () => {
    const unitTasks = `organisations { tasks(first: $n) { edges { node { id title description assignerName
      history { at action actor details } coordinatingOrganisations { code name } leadOrganisation { code name } } } } }`;
    const attacks = {
      everyUnitsTasks: cost(`query ($n: Int) { organisations { code tasks(first: $n) { edges { node ${TASK} } } } }`, {
        n: 100,
      }),
      fifteenAliasesOfEveryUnitsTasks: cost(
        `query ($n: Int) { ${Array.from({ length: 15 }, (_, i) => `u${i}: ${unitTasks}`).join(' ')} }`,
        { n: 100 },
      ),
      fifteenAliasesOfAPage: cost(
        `{ ${Array.from({ length: 15 }, (_, i) => `p${i}: tasks(first: 100) { edges { node ${TASK} } }`).join(' ')} }`,
      ),
      fifteenAliasesOfAFeedPage: cost(
        `{ ${Array.from({ length: 15 }, (_, i) => `p${i}: taskEvents(first: 500) { edges { node { id actor { id } task { id } } } }`).join(' ')} }`,
      ),
      depthBomb: cost(`{ organisations { children { children { children { children { id } } } } } }`),
    };
    expect(attacks).toEqual({
      everyUnitsTasks: 23_020,
      fifteenAliasesOfEveryUnitsTasks: 345_300,
      fifteenAliasesOfAPage: 34_515,
      fifteenAliasesOfAFeedPage: 15 * (1 + 500 * 4),
      depthBomb: 10 + 10 ** 2 + 10 ** 3 + 10 ** 4 + 10 ** 5,
    });
    for (const figure of Object.values(attacks)) expect(figure).toBeGreaterThan(maxCost);
  });
});
