import { MAY, todayInVietnam } from '@giaoviec/shared';
import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root, Args } from 'type-graphql';
import { FiguresPeriodArgs, requestedPeriod } from '../compliance/period.args';
import { workflowFor, type AssignmentContext } from '../context';
import { Organisation, organisationReference } from '../organisation/organisation.type';
import { factsOf } from '../task/deadline';
import { Task } from '../task/task.type';
import { submitContribution } from './contribution-step';
import type { ContributionRow } from './contribution.entity';
import { SubmitContributionInput } from './contribution.inputs';
import { Contribution, CoordinationFiguresType, CoordinationStatusEnum, TaskCoordination } from './coordination.type';
import { coordinationStatus } from './rules';

const contributionOf = (row: ContributionRow): Contribution => ({
  id: row.id,
  submittedOn: row.submittedOn,
  note: row.note,
  organisation: organisationReference(row.organisationId),
});

@Resolver(() => Contribution)
export class ContributionResolver {
  @Authorized(...MAY.reportOnTasks)
  @Mutation(() => Contribution, {
    description:
      'A coordinating unit contributes to a task, once (RULES.md, Coordination); CONFLICT for a withdrawn or completed task.',
  })
  async submitContribution(
    @Arg('input', () => SubmitContributionInput, { description: 'The contribution (see `SubmitContributionInput`).' })
    input: SubmitContributionInput,
    @Ctx() context: AssignmentContext,
  ): Promise<Contribution> {
    return contributionOf(await submitContribution(workflowFor(context, 'submitContribution', input), input));
  }
}

@Resolver(() => Task)
export class TaskCoordinationResolver {
  @FieldResolver(() => [TaskCoordination], {
    description:
      'Each coordinating unit, its contribution and its status as of today, in the order the units are listed.',
  })
  async coordination(@Root() task: Task, @Ctx() context: AssignmentContext): Promise<TaskCoordination[]> {
    const contributions = await context.loaders.contributionsByTask.load(task.id);
    const facts = { ...factsOf(task), coordinationDueOn: task.coordinationDueOn };
    const today = todayInVietnam();
    return task.coordinatingOrganisationIds.map((unitId) => {
      const contribution = contributions.find((row) => row.organisationId === unitId) ?? null;
      return {
        organisation: organisationReference(unitId),
        contribution: contribution && contributionOf(contribution),
        status: CoordinationStatusEnum[coordinationStatus(facts, contribution?.submittedOn ?? null, today)],
      };
    });
  }
}

@Resolver(() => Organisation)
export class OrganisationCoordinationResolver {
  @Authorized()
  @FieldResolver(() => CoordinationFiguresType, {
    nullable: true,
    description:
      'This unit’s record as a coordinating unit of the tasks assigned in the period, as of a date (RULES.md, Coordination). All units of a request cost one SQL statement. Null when the assignments service is unavailable.',
  })
  coordinationCompliance(
    @Root() unit: Organisation,
    @Args() period: FiguresPeriodArgs,
    @Ctx() context: AssignmentContext,
  ): Promise<CoordinationFiguresType> {
    return context.loaders.coordinationByUnit.load({
      id: unit.id,
      args: requestedPeriod(period),
    });
  }
}
