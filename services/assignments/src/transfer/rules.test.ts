import type { CalendarDate } from '@giaoviec/shared';
import { leadUnitOn } from './rules';

const d = (text: string) => text as CalendarDate;

describe('the lead unit on a day', () => {
  const transfers = [
    { on: d('2025-03-01'), from: 'district' },
    { on: d('2025-07-01'), from: 'merged' },
  ];

  it('is the unit it came from before each transfer, the current one after the last', () => {
    expect(leadUnitOn('commune', transfers, d('2017-10-15'))).toBe('district');
    expect(leadUnitOn('commune', transfers, d('2025-02-28'))).toBe('district');
    expect(leadUnitOn('commune', transfers, d('2025-03-01'))).toBe('merged');
    expect(leadUnitOn('commune', transfers, d('2025-06-30'))).toBe('merged');
    expect(leadUnitOn('commune', transfers, d('2025-07-01'))).toBe('commune');
    expect(leadUnitOn('unit', [], d('2025-07-01'))).toBe('unit');
  });
});
