import { parse, type OperationDefinitionNode } from 'graphql';
import { unitsAskedOnlyFigures } from './data-version';

const REPRESENTATIONS = [
  { __typename: 'Organisation', id: 'u2' },
  { __typename: 'Organisation', id: 'u1' },
];

/** A subgraph request as the gateway sends it. */
function request(query: string, variables: Record<string, unknown> = { representations: REPRESENTATIONS }) {
  const document = parse(query);
  return { document, operation: document.definitions[0] as OperationDefinitionNode, variables };
}

const FIGURES = `query LeadershipCompliance__assignments__1($representations: [_Any!]!, $from: Date!, $to: Date!, $asOf: Date) {
  _entities(representations: $representations) { ... on Organisation { compliance(from: $from, to: $to, asOf: $asOf) { assigned completedOnTime onTimeRate } } }
}`;

describe('unitsAskedOnlyFigures', () => {
  it("gives the units of an _entities fetch of units' figures only", () => {
    expect(unitsAskedOnlyFigures(request(FIGURES))).toEqual(['u2', 'u1']);
    const withIds = `query ($representations: [_Any!]!) { _entities(representations: $representations) { __typename ... on Organisation { __typename id compliance(from: "2025-01-01", to: "2025-12-31", includePredecessors: false) { __typename assigned } } } }`;
    expect(unitsAskedOnlyFigures(request(withIds))).toEqual(['u2', 'u1']);
  });

  it('gives none when anything else is asked', () => {
    const others = [
      // another field of the unit
      `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Organisation { compliance(from: "2025-01-01", to: "2025-12-31") { assigned } tasks { totalCount } } } }`,
      // the predecessors' figures read the organisations subgraph
      `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Organisation { compliance(from: "2025-01-01", to: "2025-12-31", includePredecessors: true) { assigned } } } }`,
      // another entity type
      `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Inspection { compliance { assigned } } } }`,
      // a named fragment: not looked into
      `query ($representations: [_Any!]!) { _entities(representations: $representations) { ...F } } fragment F on Organisation { id }`,
      // a root field beside it, or instead of it
      `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Organisation { id } } complianceSummary(from: "2025-01-01", to: "2025-12-31") { totals { assigned } } }`,
      `{ complianceSummary(from: "2025-01-01", to: "2025-12-31") { totals { assigned } } }`,
    ];
    for (const query of others) expect(unitsAskedOnlyFigures(request(query))).toBeUndefined();
  });

  it('gives none when a representation is not a bare unit reference', () => {
    const predecessorsVariable = `query ($representations: [_Any!]!, $with: Boolean) { _entities(representations: $representations) { ... on Organisation { compliance(from: "2025-01-01", to: "2025-12-31", includePredecessors: $with) { assigned } } } }`;
    expect(
      unitsAskedOnlyFigures(request(predecessorsVariable, { representations: REPRESENTATIONS, with: true })),
    ).toBeUndefined();
    for (const representations of [
      [{ __typename: 'Inspection', id: 'i1' }],
      [{ __typename: 'Organisation', id: 'u1', name: 'x' }],
      [{ __typename: 'Organisation', id: 1 }],
      'u1',
    ])
      expect(unitsAskedOnlyFigures(request(FIGURES, { representations }))).toBeUndefined();
  });
});
