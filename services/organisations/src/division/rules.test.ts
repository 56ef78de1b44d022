import { placementProblem } from './rules';

describe('placementProblem', () => {
  it('places a division under a unit only', () => {
    expect(placementProblem('DIVISION', 'DEPARTMENT')).toBeNull();
    expect(placementProblem('DIVISION', 'OFFICE')).toBeNull();
    expect(placementProblem('DIVISION', null)).toMatch(/under a unit/);
    expect(placementProblem('DIVISION', 'DIVISION')).toMatch(/under a division/);
  });

  it('places nothing under a division, and leaves the other kinds free', () => {
    expect(placementProblem('COMMUNE', 'DIVISION')).toMatch(/under a division/);
    expect(placementProblem('COMMUNE', 'DISTRICT')).toBeNull();
    expect(placementProblem('DEPARTMENT', null)).toBeNull();
  });
});
