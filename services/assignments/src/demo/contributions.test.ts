import { demoUnitId } from '@giaoviec/shared';
import { coordinationStatus } from '../coordination/rules';
import { taskFacts } from '../task/deadline';
import { foldHistory } from '../task/lifecycle';
import type { TaskRecord } from '../task/task-records';
import { withDemoContributions } from './contributions';
import { generateLangSon2017 } from './generator';

describe('the demo contributions', () => {
  const records: TaskRecord[] = generateLangSon2017().map(({ leadCode, coordinatingCodes, ...task }) => ({
    ...task,
    leadOrganisationId: demoUnitId(leadCode),
    coordinatingOrganisationIds: coordinatingCodes.map(demoUnitId),
  }));
  const contributed = withDemoContributions(records);

  it('leave every history one the workflow accepts, and the compliance facts as they were', () => {
    for (const [index, record] of contributed.entries()) {
      expect([record.id, foldHistory(record.events).refusals]).toEqual([record.id, []]);
      expect(taskFacts(record.events)).toEqual(taskFacts(records[index]!.events));
    }
  });

  it('are on time, late, or never made, once per coordinating unit', () => {
    const statuses = new Map<string, number>();
    for (const record of contributed) {
      const facts = { ...taskFacts(record.events), coordinationDueOn: null };
      const made = record.events.flatMap((event) => (event.type === 'CONTRIBUTION_SUBMITTED' ? [event] : []));
      expect(new Set(made.map((event) => event.organisationId)).size).toBe(made.length);
      for (const unit of record.coordinatingOrganisationIds) {
        const on = made.find((event) => event.organisationId === unit)?.on ?? null;
        const status = coordinationStatus(facts, on, '2017-12-31' as never);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }
    }
    for (const status of ['CONTRIBUTED_ON_TIME', 'CONTRIBUTED_LATE', 'PENDING_OVERDUE'])
      expect([status, (statuses.get(status) ?? 0) > 20]).toEqual([status, true]);
  });
});
