import { DateScalar, todayInVietnam, type CalendarDate } from '@giaoviec/shared';
import { Arg, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { factsOf } from '../task/deadline';
import { Task } from '../task/task.type';
import { daysOverdue } from './breakdown';

/** How late an overdue task is, for the report's list of overdue tasks. */
@Resolver(() => Task)
export class TaskOverdueResolver {
  @FieldResolver(() => Int, {
    nullable: true,
    description:
      'Calendar days (số ngày quá hạn) from the deadline in force on `asOf` to `asOf`, for a task in progress overdue then (RULES.md); null otherwise.',
  })
  daysOverdue(
    @Root() task: Task,
    @Arg('asOf', () => DateScalar, { nullable: true, description: 'Today when absent.' }) asOf: CalendarDate | null,
  ): number | null {
    return daysOverdue(factsOf(task), asOf ?? todayInVietnam());
  }
}
