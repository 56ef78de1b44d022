import {
  DateScalar,
  MAY,
  requireUnitAccess,
  todayInVietnam,
  type CalendarDate,
  type RequestContext,
} from '@giaoviec/shared';
import { Arg, Args, Authorized, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { ComplianceFigures } from '../compliance/compliance.type';
import { figuresPeriod } from '../compliance/period';
import { pageArguments, taskConnection } from '../task/task-connection';
import { TaskPageArgs } from '../task/task.inputs';
import type { AssignmentLoaders } from '../task/task.loaders';
import { TaskConnection } from '../task/task.type';
import { Organisation } from './organisation.type';

type Context = RequestContext<AssignmentLoaders>;

/** What the assignments subgraph adds to a unit: its figures and its tasks, batched over all units of a request. */
@Resolver(() => Organisation)
export class OrganisationAssignmentsResolver {
  @Authorized()
  @FieldResolver(() => ComplianceFigures, {
    nullable: true,
    description:
      'Figures of the tasks this unit leads, assigned in the period, as of a date (RULES.md). All units of a request cost one SQL statement. Null when the assignments service is unavailable.',
  })
  compliance(
    @Root() unit: Organisation,
    @Arg('from', () => DateScalar, { description: 'First day of the period (included).' }) from: CalendarDate,
    @Arg('to', () => DateScalar, { description: 'Last day of the period (included).' }) to: CalendarDate,
    @Arg('asOf', () => DateScalar, { nullable: true, description: '`to` when it is past, else today, when absent.' })
    asOf: CalendarDate | null,
    @Ctx() context: Context,
  ): Promise<ComplianceFigures> {
    return context.loaders.figuresByUnit.load({ id: unit.id, args: figuresPeriod(from, to, asOf, todayInVietnam()) });
  }

  @Authorized(...MAY.readTasks)
  @FieldResolver(() => TaskConnection, {
    nullable: true,
    description:
      'The tasks this unit leads, a page at a time (see `Query.tasks`). Null when the assignments service is unavailable.',
  })
  tasks(
    @Root() unit: Organisation,
    @Args(() => TaskPageArgs) { filter, first, after }: TaskPageArgs,
    @Ctx() context: Context,
  ): Promise<TaskConnection> {
    // This unit replaces any lead unit of the filter.
    requireUnitAccess(context.user!, [unit.id], 'tasks');
    const args = pageArguments(context.user!, { ...filter, leadOrganisationId: null }, first ?? null, after ?? null);
    return context.loaders.tasksByUnit.load({ id: unit.id, args }).then(taskConnection);
  }
}

/** The gateway sends `{ id }`: nothing to look up, the fields above load what they need. */
export const organisationReferenceResolver = {
  Organisation: {
    __resolveReference: (reference: { id: string }) => ({ id: reference.id }),
  },
};
