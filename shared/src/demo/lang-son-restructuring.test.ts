import {
  DISTRICT_ABOLITIONS_2025,
  DISTRICT_ABOLITION_DATE,
  LANG_SON_DEMO_UNITS,
  demoUnitsOn,
} from './lang-son-restructuring';

describe('the 2025 communes of Lạng Sơn (Resolution 1672/NQ-UBTVQH15)', () => {
  const created = DISTRICT_ABOLITIONS_2025.flatMap((abolition) => abolition.successors);

  it('are 65: 61 communes and 4 wards, each named once, in NFC', () => {
    expect(created).toHaveLength(65);
    expect(created.filter((unit) => unit.name.startsWith('Xã '))).toHaveLength(61);
    expect(created.filter((unit) => unit.name.startsWith('Phường '))).toHaveLength(4);
    expect(new Set(created.map((unit) => unit.name)).size).toBe(65);
    expect(created.every((unit) => unit.name.normalize('NFC') === unit.name && unit.kind === 'COMMUNE')).toBe(true);
    expect(new Set(LANG_SON_DEMO_UNITS.map((unit) => unit.code)).size).toBe(LANG_SON_DEMO_UNITS.length);
  });

  it('share a district only with units an earlier abolition created', () => {
    DISTRICT_ABOLITIONS_2025.forEach((abolition, index) => {
      const earlier = new Set(
        DISTRICT_ABOLITIONS_2025.slice(0, index).flatMap((before) => before.successors.map((unit) => unit.code)),
      );
      for (const code of abolition.alsoTo ?? []) expect(earlier).toContain(code);
    });
  });

  it('replace the districts on the day of the abolition', () => {
    const before = demoUnitsOn('2025-06-30');
    const after = demoUnitsOn(DISTRICT_ABOLITION_DATE);
    expect(before.filter((unit) => unit.kind === 'DISTRICT')).toHaveLength(11);
    expect(before.filter((unit) => unit.kind === 'COMMUNE')).toHaveLength(0);
    expect(after.filter((unit) => unit.kind === 'DISTRICT')).toHaveLength(0);
    expect(after.filter((unit) => unit.kind === 'COMMUNE')).toHaveLength(65);
  });
});
