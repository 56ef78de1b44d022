import { inScope, ownerScope } from './owner-scope';

describe("a webhook owner's scope", () => {
  it('is everything for the Office, leaders and inspectors', () => {
    const scope = ownerScope({ roles: ['OFFICE'] })!;
    expect(inScope(scope, 'TASK_ASSIGNED', ['u9'])).toBe(true);
    expect(inScope(ownerScope({ roles: ['INSPECTOR', 'UNIT'], organisationId: 'u1' })!, 'TASK_ASSIGNED', ['u9'])).toBe(
      true,
    );
  });

  it("is a unit's own events for a unit", () => {
    const scope = ownerScope({ roles: ['UNIT'], organisationId: 'u1' })!;
    expect(inScope(scope, 'TASK_ASSIGNED', ['u2', 'u1'])).toBe(true);
    expect(inScope(scope, 'TASK_ASSIGNED', ['u2'])).toBe(false);
    expect(inScope(scope, 'FIGURES_CHANGED', ['u2'])).toBe(false);
    expect(ownerScope({ roles: ['UNIT'] })).toBeNull();
  });

  it('is the figures only for a reader', () => {
    const scope = ownerScope({ roles: ['READER'] })!;
    expect(inScope(scope, 'FIGURES_CHANGED', ['u2'])).toBe(true);
    expect(inScope(scope, 'TASK_ASSIGNED', ['u2'])).toBe(false);
    expect(ownerScope({ roles: [] })).toBeNull();
  });
});
