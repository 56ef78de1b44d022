import { BadUserInputError, ConflictError, NotFoundError, isUuid } from '@giaoviec/shared';
import { randomUUID } from 'node:crypto';
import type { TaskRow } from '../task/task.entity';
import { text, type TaskWorkflow } from '../task/workflow';
import { ExplanationRow } from './explanation.entity';
import type { AnswerExplanationInput, RequestExplanationInput } from './explanation.type';

const notWithdrawn = (task: TaskRow) => {
  if (task.withdrawnOn !== null) throw new ConflictError('A withdrawn task accepts no further change');
};

/** A request for explanation (RULES.md, Explanations), with its EXPLANATION_REQUESTED feed event. */
export function requestExplanation(workflow: TaskWorkflow, input: RequestExplanationInput): Promise<ExplanationRow> {
  const question = text(input.question, 'question');
  const { today } = workflow.actor;
  if (input.requestedOn > today) {
    throw new BadUserInputError(`requestedOn must not be in the future (today is ${today})`, 'requestedOn');
  }
  if (input.answerBy < input.requestedOn) {
    throw new BadUserInputError(`answerBy must not be before the request (${input.requestedOn})`, 'answerBy');
  }
  return workflow.followUp(input.taskId, 'OVERSEER', async (task, tx) => {
    notWithdrawn(task);
    if (input.requestedOn < task.assignedOn) {
      throw new BadUserInputError(`requestedOn must not be before the assignment (${task.assignedOn})`, 'requestedOn');
    }
    const request: ExplanationRow = {
      id: randomUUID(),
      taskId: task.id,
      requestedOn: input.requestedOn,
      answerBy: input.answerBy,
      question,
      requestedBy: workflow.actor.name,
      requestedById: workflow.actor.user.id,
      answeredOn: null,
      answer: null,
      answeredBy: null,
      answeredById: null,
    };
    await tx.getRepository(ExplanationRow).insert(request);
    return {
      action: 'EXPLANATION_REQUESTED',
      on: input.requestedOn,
      details: { explanationId: request.id, answerBy: input.answerBy, question },
      result: request,
    };
  });
}

/** The lead unit's one answer, with its EXPLANATION_ANSWERED feed event. */
export async function answerExplanation(
  workflow: TaskWorkflow,
  input: AnswerExplanationInput,
): Promise<ExplanationRow> {
  const answer = text(input.answer, 'answer', 5000);
  const { today } = workflow.actor;
  if (input.answeredOn > today) {
    throw new BadUserInputError(`answeredOn must not be in the future (today is ${today})`, 'answeredOn');
  }
  const requests = workflow.db.getRepository(ExplanationRow);
  const found = isUuid(input.explanationId) ? await requests.findOneBy({ id: input.explanationId }) : null;
  if (!found) throw new NotFoundError(`No request for explanation has id ${input.explanationId}`);
  return workflow.followUp(found.taskId, 'LEAD_UNIT', async (task, tx) => {
    notWithdrawn(task);
    // Read again under the task's lock: two answers at once, one wins.
    const request = await tx.getRepository(ExplanationRow).findOneByOrFail({ id: found.id });
    if (request.answeredOn !== null) throw new ConflictError('This request for explanation is already answered');
    if (input.answeredOn < request.requestedOn) {
      throw new BadUserInputError(`answeredOn must not be before the request (${request.requestedOn})`, 'answeredOn');
    }
    const answerFields = {
      answeredOn: input.answeredOn,
      answer,
      answeredBy: workflow.actor.name,
      answeredById: workflow.actor.user.id,
    };
    await tx.getRepository(ExplanationRow).update({ id: request.id }, answerFields);
    const answered: ExplanationRow = { ...request, ...answerFields };
    return {
      action: 'EXPLANATION_ANSWERED',
      on: input.answeredOn,
      details: { explanationId: request.id, answer },
      result: answered,
    };
  });
}
