import { MAY, canSeeUnits } from '@giaoviec/shared';
import { Authorized, Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { ComplianceFigures } from '../compliance/compliance.type';
import { taskOf } from '../task/task.mapping';
import { Task } from '../task/task.type';
import { Conclusion, Inspection } from './inspection.type';
import { type AssignmentContext } from '../context';

type Context = AssignmentContext;

@Resolver(() => Inspection)
export class InspectionComplianceResolver {
  @Directive('@requires(fields: "organisation { id } periodFrom periodTo")')
  @Authorized()
  @FieldResolver(() => ComplianceFigures, {
    nullable: true,
    description:
      'The unit’s figures over the inspected period as of its end, computed now from the tasks (live). Null when the assignments service is unavailable.',
  })
  compliance(@Root() inspection: Inspection, @Ctx() context: Context): Promise<ComplianceFigures> {
    const { periodFrom: from, periodTo: to } = inspection;
    return context.loaders.figuresByUnit.load({ id: inspection.organisation.id, args: { from, to, asOf: to } });
  }
}

@Resolver(() => Conclusion)
export class ConclusionFollowUpResolver {
  @Authorized(...MAY.readTasks)
  @FieldResolver(() => [Task], {
    nullable: true,
    description: 'The tasks assigned to follow this conclusion up, oldest first.',
  })
  async followUpTasks(@Root() conclusion: Conclusion, @Ctx() context: Context): Promise<Task[]> {
    const tasks = (await context.loaders.followUpsByConclusion.load(conclusion.id)).map(taskOf);
    // A unit user sees only the follow-ups its unit leads or coordinates.
    return tasks.filter((task) =>
      canSeeUnits(context.user!, [task.leadOrganisationId, ...task.coordinatingOrganisationIds]),
    );
  }

  @Authorized(...MAY.readTasks)
  @FieldResolver(() => Boolean, {
    nullable: true,
    description: 'Settled (đã thực hiện xong): it has follow-up tasks, and every one not withdrawn is completed.',
  })
  async settled(@Root() conclusion: Conclusion, @Ctx() context: Context): Promise<boolean> {
    const tasks = (await context.loaders.followUpsByConclusion.load(conclusion.id)).filter(
      (task) => task.status !== 'WITHDRAWN',
    );
    return tasks.length > 0 && tasks.every((task) => task.status === 'COMPLETED');
  }
}

/** The gateway sends the key (and, for inspections, the `@requires` fields): nothing to look up. */
export const inspectionReferences = {
  Inspection: { __resolveReference: (reference: Inspection) => reference },
  Conclusion: { __resolveReference: ({ id }: { id: string }) => ({ id }) },
};
