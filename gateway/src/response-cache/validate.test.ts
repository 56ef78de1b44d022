import { versionChecks } from './validate';

describe('versionChecks', () => {
  it('makes one request body per subgraph, its scopes and expected versions in the same order', () => {
    const checks = versionChecks([
      { subgraph: 'organisations', scope: {}, version: '7' },
      { subgraph: 'assignments', scope: { keys: ['u1', 'u2'] }, version: 'a' },
      { subgraph: 'organisations', scope: {}, version: '7' },
    ]);
    expect(checks).toEqual([
      { subgraph: 'organisations', body: JSON.stringify({ scopes: [{}, {}] }), versions: ['7', '7'] },
      { subgraph: 'assignments', body: JSON.stringify({ scopes: [{ keys: ['u1', 'u2'] }] }), versions: ['a'] },
    ]);
  });
});
