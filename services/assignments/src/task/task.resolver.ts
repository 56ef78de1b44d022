import { MAY } from '@giaoviec/shared';
import { Official, officialReference } from '../official/official.type';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Organisation, organisationReference } from '../organisation/organisation.type';
import {
  AssignTaskInput,
  ConfirmCompletionInput,
  ReportProgressInput,
  ReturnCompletionInput,
  SubmitCompletionInput,
  TaskPageArgs,
  WithdrawTaskInput,
} from './task.inputs';
import { canSeeTask, pageArguments, taskConnection } from './task-connection';
import { CompletionReport, ProgressReport, SourceDocument, Task, TaskConnection, TaskHistoryEntry } from './task.type';
import { completionReportOf, historyEntryOf, taskOf, taskOrNull } from './task.mapping';
import { taskPages } from './task-list.sql';
import { workflowFor, type AssignmentContext } from '../context';

type Context = AssignmentContext;

@Resolver(() => Task)
export class TaskResolver {
  @Authorized(...MAY.readTasks)
  @Query(() => Task, {
    nullable: true,
    description: 'One task by id; null when there is none, or when the caller may not read it (as if there were none).',
  })
  async task(
    @Arg('id', () => ID, { description: 'Its id.' }) id: string,
    @Ctx() context: Context,
  ): Promise<Task | null> {
    const task = taskOrNull(await context.loaders.taskById.load(id));
    // A task the caller may not read answers as one that does not exist.
    return task && canSeeTask(context.user!, task) ? task : null;
  }

  @Authorized(...MAY.readTasks)
  @Query(() => TaskConnection, {
    description:
      'Tasks matching a filter, a page at a time: the earliest deadline in force (as of `filter.asOf`) first, so the most overdue lead; tasks with no deadline last.',
  })
  async tasks(
    @Args(() => TaskPageArgs) { filter, first, after }: TaskPageArgs,
    @Ctx() context: Context,
  ): Promise<TaskConnection> {
    const query = pageArguments(context.user!, filter ?? {}, first ?? null, after ?? null);
    const pages = await taskPages(context.db, query, null);
    return taskConnection(pages.get(''));
  }

  @Authorized(...MAY.assignTasks)
  @Mutation(() => Task, { description: 'Assigns a new task (giao nhiệm vụ).' })
  async assignTask(
    @Arg('input', () => AssignTaskInput, { description: 'The change (see `AssignTaskInput`).' }) input: AssignTaskInput,
    @Ctx() context: Context,
  ): Promise<Task> {
    return taskOf(await workflowFor(context, 'assignTask', input).assign(input));
  }

  @Authorized(...MAY.reportOnTasks)
  @Mutation(() => Task, { description: 'Records a progress report of the lead unit.' })
  async reportProgress(
    @Arg('input', () => ReportProgressInput, { description: 'The change (see `ReportProgressInput`).' })
    input: ReportProgressInput,
    @Ctx() context: Context,
  ): Promise<Task> {
    return taskOf(await workflowFor(context, 'reportProgress', input).reportProgress(input));
  }

  @Authorized(...MAY.reportOnTasks)
  @Mutation(() => Task, { description: 'The lead unit reports the task done; it counts once confirmed.' })
  async submitCompletion(
    @Arg('input', () => SubmitCompletionInput, { description: 'The change (see `SubmitCompletionInput`).' })
    input: SubmitCompletionInput,
    @Ctx() context: Context,
  ): Promise<Task> {
    return taskOf(await workflowFor(context, 'submitCompletion', input).submitCompletion(input));
  }

  @Authorized(...MAY.decideOnSubtasks)
  @Mutation(() => Task, {
    description: 'Confirms the waiting completion report: the task counts as completed from its completion date.',
  })
  async confirmCompletion(
    @Arg('input', () => ConfirmCompletionInput, { description: 'The change (see `ConfirmCompletionInput`).' })
    input: ConfirmCompletionInput,
    @Ctx() context: Context,
  ): Promise<Task> {
    return taskOf(await workflowFor(context, 'confirmCompletion', input).confirmCompletion(input));
  }

  @Authorized(...MAY.decideOnSubtasks)
  @Mutation(() => Task, { description: 'Returns the waiting completion report for more work; it never counts.' })
  async returnCompletion(
    @Arg('input', () => ReturnCompletionInput, { description: 'The change (see `ReturnCompletionInput`).' })
    input: ReturnCompletionInput,
    @Ctx() context: Context,
  ): Promise<Task> {
    return taskOf(await workflowFor(context, 'returnCompletion', input).returnCompletion(input));
  }

  @Authorized(...MAY.decideOnSubtasks)
  @Mutation(() => Task, { description: 'Withdraws a task: left out of every figure from that date; no change after.' })
  async withdrawTask(
    @Arg('input', () => WithdrawTaskInput, { description: 'The change (see `WithdrawTaskInput`).' })
    input: WithdrawTaskInput,
    @Ctx() context: Context,
  ): Promise<Task> {
    return taskOf(await workflowFor(context, 'withdrawTask', input).withdraw(input));
  }

  @FieldResolver(() => Organisation, {
    nullable: true,
    description: 'The lead unit (đơn vị chủ trì). Null only when the organisations service is unavailable.',
  })
  leadOrganisation(@Root() task: Task): Organisation {
    return organisationReference(task.leadOrganisationId);
  }

  @FieldResolver(() => Official, {
    nullable: true,
    description: 'The leader who assigned it (người giao), when recorded.',
  })
  assigningOfficial(@Root() task: Task): Official | null {
    return officialReference(task.assignedByOfficialId);
  }

  @FieldResolver(() => [Organisation], { description: 'The coordinating units (đơn vị phối hợp).' })
  coordinatingOrganisations(@Root() task: Task): Organisation[] {
    return task.coordinatingOrganisationIds.map(organisationReference);
  }

  @FieldResolver(() => SourceDocument, {
    nullable: true,
    description: 'The source document; null for an oral directive.',
  })
  sourceDocument(@Root() task: Task): SourceDocument | null {
    if (task.documentNumber === null) return null;
    return {
      number: task.documentNumber,
      kind: task.documentKind,
      issuedOn: task.documentIssuedOn,
      signer: task.documentSigner,
    } as SourceDocument;
  }

  @FieldResolver(() => [ProgressReport], { description: 'Progress reports, oldest first.' })
  progressReports(@Root() task: Task, @Ctx() context: Context): Promise<ProgressReport[]> {
    return context.loaders.progressByTask.load(task.id);
  }

  @FieldResolver(() => [CompletionReport], { description: 'Completion reports and their decisions, oldest first.' })
  async completionReports(@Root() task: Task, @Ctx() context: Context): Promise<CompletionReport[]> {
    return (await context.loaders.completionReportsByTask.load(task.id)).map(completionReportOf);
  }

  @FieldResolver(() => [TaskHistoryEntry], { description: 'Every change of the task, in order (append-only).' })
  async history(@Root() task: Task, @Ctx() context: Context): Promise<TaskHistoryEntry[]> {
    return (await context.loaders.historyByTask.load(task.id)).map(historyEntryOf);
  }
}
