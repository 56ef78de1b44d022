import { MAY, requireUnitAccess } from '@giaoviec/shared';
import { Arg, Args, Authorized, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { FiguresPeriodArgs, requestedPeriod } from '../compliance/period.args';
import { ComplianceFigures } from '../compliance/compliance.type';
import { sumFigures } from '../compliance/rules';
import { pageArguments, taskConnection } from '../task/task-connection';
import { TaskPageArgs } from '../task/task.inputs';
import { TaskConnection } from '../task/task.type';
import { Organisation } from './organisation.type';
import { type AssignmentContext } from '../context';

type Context = AssignmentContext;

const raise = (error: Error): never => {
  throw error;
};

/** What the assignments subgraph adds to a unit: its figures and its tasks, batched over all units of a request. */
@Resolver(() => Organisation)
export class OrganisationAssignmentsResolver {
  @Authorized()
  @FieldResolver(() => ComplianceFigures, {
    nullable: true,
    description:
      'Figures of the tasks this unit leads, assigned in the period, as of a date (RULES.md). All units of a request cost one SQL statement. Null when the assignments service is unavailable.',
  })
  async compliance(
    @Root() unit: Organisation,
    @Args() period: FiguresPeriodArgs,
    @Arg('includePredecessors', () => Boolean, {
      defaultValue: false,
      description:
        'Also count the tasks that its predecessors (`Organisation.allPredecessors`) led: their record before a merge, split or abolition. False: only the tasks this unit leads.',
    })
    includePredecessors: boolean,
    @Ctx() context: Context,
  ): Promise<ComplianceFigures> {
    const args = requestedPeriod(period);
    if (!includePredecessors) return context.loaders.figuresByUnit.load({ id: unit.id, args });
    // The lineage of every unit of the request in one call; then all their figures in one statement.
    const lineage = await context.loaders.lineage(context).load(unit.id);
    const figures = await context.loaders.figuresByUnit.loadMany(lineage.map((id) => ({ id, args })));
    return { ...args, ...sumFigures(figures.map((each) => (each instanceof Error ? raise(each) : each))) };
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
