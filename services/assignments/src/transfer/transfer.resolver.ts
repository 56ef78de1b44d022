import { MAY } from '@giaoviec/shared';
import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { organisationReference } from '../organisation/organisation.type';
import { Task } from '../task/task.type';
import { taskOf } from '../task/task.mapping';
import { transferOpenTasks } from './transfer';
import { LeadTransfer, TransferTasksInput, TransferTasksResult } from './transfer.type';
import { actorOf, type AssignmentContext } from '../context';

@Resolver()
export class TransferResolver {
  @Authorized(...MAY.assignTasks)
  @Mutation(() => TransferTasksResult, {
    description:
      'Passes the open tasks of a unit (e.g. one abolished by a restructuring) to its successor from a date. Each task records the transfer in its history; figures as of earlier dates still count it for the old unit. BAD_USER_INPUT (nothing moved) unless the receiving unit is a recorded successor.',
  })
  async transferTasks(
    @Arg('input', () => TransferTasksInput, { description: 'The change (see `TransferTasksInput`).' })
    input: TransferTasksInput,
    @Ctx() context: AssignmentContext,
  ): Promise<TransferTasksResult> {
    const tasks = (await transferOpenTasks(context.db, actorOf(context), input)).map(taskOf);
    return { transferredCount: tasks.length, tasks };
  }
}

/** A task's transfers, a field of the task. */
@Resolver(() => Task)
export class TaskTransfersResolver {
  @FieldResolver(() => [LeadTransfer], {
    description:
      'Transfers of the lead unit after restructurings, oldest first: figures as of a date before a transfer count the task for the unit it came from.',
  })
  leadTransfers(@Root() task: Task): LeadTransfer[] {
    return task.leadTransferredOn.map((on, index) => ({
      transferredOn: on,
      from: organisationReference(task.leadTransferredFrom[index]!),
      to: organisationReference(task.leadTransferredFrom[index + 1] ?? task.leadOrganisationId),
    }));
  }
}
