import { canonicalJson, responseCacheKey, type ResponseKeyParts } from './key';

const parts: ResponseKeyParts = {
  queryHash: 'abc',
  operationName: 'LeadershipCompliance',
  variables: { from: '2025-01-01', to: '2025-12-31', kinds: ['DEPARTMENT'] },
  user: { id: 'office-1', name: 'Văn phòng', roles: ['OFFICE', 'LEADER'] },
  today: '2025-12-31',
};

describe('responseCacheKey', () => {
  it('is the same for the same variables in another order', () => {
    const reordered = { ...parts, variables: { kinds: ['DEPARTMENT'], to: '2025-12-31', from: '2025-01-01' } };
    expect(responseCacheKey(reordered)).toBe(responseCacheKey(parts));
  });

  it('differs with anything an answer depends on: document, name, variables, user, day', () => {
    const others: ResponseKeyParts[] = [
      { ...parts, queryHash: 'abd' },
      { ...parts, operationName: null },
      { ...parts, variables: { ...parts.variables, asOf: '2025-06-30' } },
      { ...parts, variables: { ...parts.variables, kinds: ['DISTRICT'] } },
      { ...parts, user: { ...parts.user, id: 'office-2' } },
      { ...parts, user: { ...parts.user, roles: ['OFFICE'] } },
      { ...parts, user: { ...parts.user, organisationId: 'unit-1' } },
      { ...parts, today: '2026-01-01' },
    ];
    const keys = new Set([parts, ...others].map(responseCacheKey));
    expect(keys.size).toBe(others.length + 1);
  });
});

describe('canonicalJson', () => {
  it('sorts keys at every depth, keeps array order and drops undefined members', () => {
    expect(canonicalJson({ b: [2, 1], a: { d: 1, c: undefined, b: null } })).toBe('{"a":{"b":null,"d":1},"b":[2,1]}');
  });
});
