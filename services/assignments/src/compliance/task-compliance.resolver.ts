import { DateScalar, todayInVietnam, type CalendarDate } from '@giaoviec/shared';
import { Arg, FieldResolver, Resolver, Root } from 'type-graphql';
import { factsOf } from '../task/deadline';
import { ComplianceBucketEnum } from '../task/task.enums';
import { Task } from '../task/task.type';
import { complianceBucket } from './rules';

/** A task's bucket: the compliance read model's field on the task. */
@Resolver(() => Task)
export class TaskComplianceResolver {
  @FieldResolver(() => ComplianceBucketEnum, {
    nullable: true,
    description:
      'The task’s bucket as of a date (RULES.md); null when it does not count then (not yet assigned, or withdrawn).',
  })
  compliance(
    @Root() task: Task,
    @Arg('asOf', () => DateScalar, { nullable: true, description: 'Today when absent.' }) asOf: CalendarDate | null,
  ): ComplianceBucketEnum | null {
    const bucket = complianceBucket(factsOf(task), asOf ?? todayInVietnam());
    return bucket === null ? null : ComplianceBucketEnum[bucket];
  }
}
