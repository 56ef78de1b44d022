import { asOfNote, figuresSentence, viDate, viNumber, viPercent, type Buckets } from './wording';

const period = { from: '2017-01-01', to: '2017-10-15' };
const figures = (b: Partial<Buckets>): Buckets => {
  const base = { completedOnTime: 0, completedLate: 0, inProgressWithinDeadline: 0, inProgressOverdue: 0, ...b };
  return {
    ...base,
    assigned: base.completedOnTime + base.completedLate + base.inProgressWithinDeadline + base.inProgressOverdue,
  };
};

describe('the report’s wording', () => {
  it('says the worked example as the issue writes it', () => {
    expect(
      figuresSentence(
        'Sở Xây dựng',
        period,
        figures({ completedOnTime: 106, completedLate: 21, inProgressWithinDeadline: 4, inProgressOverdue: 3 }),
      ),
    ).toBe(
      'Tính từ ngày 01/01/2017 đến ngày 15/10/2017, Sở Xây dựng được giao 134 nhiệm vụ; đã hoàn thành 106 nhiệm vụ đúng thời hạn, 21 nhiệm vụ quá thời hạn; 7 nhiệm vụ chưa hoàn thành, trong đó 3 nhiệm vụ quá hạn.',
    );
  });

  it.each([
    [{}, 'Sở Y tế không được giao nhiệm vụ nào.'],
    [
      { completedOnTime: 1 },
      'Sở Y tế được giao 1 nhiệm vụ; đã hoàn thành 1 nhiệm vụ đúng thời hạn; không còn nhiệm vụ nào chưa hoàn thành.',
    ],
    [
      { completedLate: 1 },
      'Sở Y tế được giao 1 nhiệm vụ; đã hoàn thành 1 nhiệm vụ quá thời hạn; không còn nhiệm vụ nào chưa hoàn thành.',
    ],
    [
      { completedOnTime: 2 },
      'Sở Y tế được giao 2 nhiệm vụ; đã hoàn thành 2 nhiệm vụ, tất cả đúng thời hạn; không còn nhiệm vụ nào chưa hoàn thành.',
    ],
    [
      { completedLate: 3 },
      'Sở Y tế được giao 3 nhiệm vụ; đã hoàn thành 3 nhiệm vụ, tất cả quá thời hạn; không còn nhiệm vụ nào chưa hoàn thành.',
    ],
    [{ inProgressOverdue: 1 }, 'Sở Y tế được giao 1 nhiệm vụ, chưa hoàn thành, đã quá hạn.'],
    [{ inProgressOverdue: 2 }, 'Sở Y tế được giao 2 nhiệm vụ, đều chưa hoàn thành và đã quá hạn.'],
    [{ inProgressWithinDeadline: 1 }, 'Sở Y tế được giao 1 nhiệm vụ, chưa hoàn thành, đang trong thời hạn.'],
    [{ inProgressWithinDeadline: 2 }, 'Sở Y tế được giao 2 nhiệm vụ, đều chưa hoàn thành và đang trong thời hạn.'],
    [
      { inProgressWithinDeadline: 2, inProgressOverdue: 1 },
      'Sở Y tế được giao 3 nhiệm vụ, đều chưa hoàn thành, trong đó 1 nhiệm vụ quá hạn.',
    ],
    [
      { completedOnTime: 1, inProgressOverdue: 1 },
      'Sở Y tế được giao 2 nhiệm vụ; đã hoàn thành 1 nhiệm vụ đúng thời hạn; 1 nhiệm vụ chưa hoàn thành, đã quá hạn.',
    ],
    [
      { completedOnTime: 1, inProgressOverdue: 2 },
      'Sở Y tế được giao 3 nhiệm vụ; đã hoàn thành 1 nhiệm vụ đúng thời hạn; 2 nhiệm vụ chưa hoàn thành, đều đã quá hạn.',
    ],
    [
      { completedOnTime: 1, completedLate: 1, inProgressWithinDeadline: 1, inProgressOverdue: 1 },
      'Sở Y tế được giao 4 nhiệm vụ; đã hoàn thành 1 nhiệm vụ đúng thời hạn, 1 nhiệm vụ quá thời hạn; 2 nhiệm vụ chưa hoàn thành, trong đó 1 nhiệm vụ quá hạn.',
    ],
  ])('reads well for zero and one: %j', (counts, rest) => {
    expect(figuresSentence('Sở Y tế', period, figures(counts))).toBe(
      `Tính từ ngày 01/01/2017 đến ngày 15/10/2017, ${rest}`,
    );
  });

  it('numbers, rates and dates the Vietnamese way', () => {
    expect(viNumber(1234)).toBe('1.234');
    expect(viPercent(106 / 130)).toBe('81,5%');
    expect(viPercent(1)).toBe('100,0%');
    expect(viPercent(null)).toBe('–');
    expect(viDate('2017-10-15')).toBe('15/10/2017');
    expect(asOfNote({ to: '2017-10-15', asOf: '2017-10-15' })).toBeNull();
    expect(asOfNote({ to: '2017-10-15', asOf: '2017-12-31' })).toBe('Số liệu tính đến ngày 31/12/2017.');
  });
});
