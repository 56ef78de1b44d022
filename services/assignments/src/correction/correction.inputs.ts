import { DateScalar, IdempotentInput, type CalendarDate } from '@giaoviec/shared';
import { Field, ID, InputType, Int } from 'type-graphql';
import { SourceDocumentInput } from '../task/task.inputs';
import { TaskPriorityEnum } from '../task/task.enums';

@InputType('CorrectTaskInput', {
  description:
    'A correction of a task entered wrongly (đính chính): the fields given replace the recorded ones as if they had always held these values; absent fields stay as they are. The lead unit is not corrected (it changes by a transfer).',
})
export class CorrectTaskInput extends IdempotentInput {
  @Field(() => ID, { description: 'The task.' }) taskId: string;

  @Field(() => Int, {
    description:
      'The task `version` the client read: if the task has changed since, the correction is refused with CONFLICT.',
  })
  expectedVersion: number;

  @Field({ description: 'Why the record was wrong, 1 to 2,000 characters; kept in the history.' })
  reason: string;

  @Field(() => String, { nullable: true, description: 'The corrected title, 1 to 500 characters on one line.' })
  title?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The corrected details, at most 5,000 characters; null or blank removes them.',
  })
  description?: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      'The corrected assignment date: not in the future, not after any step recorded since, not before the source document.',
  })
  assignedOn?: CalendarDate | null;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      'The corrected original deadline; an explicit null: no deadline (CONFLICT for a task with extension requests). Approved extensions still set the deadline in force from their decision dates. Not before the assignment date.',
  })
  originalDueOn?: CalendarDate | null;

  @Field(() => TaskPriorityEnum, { nullable: true, description: 'The corrected priority.' })
  priority?: TaskPriorityEnum | null;

  @Field(() => SourceDocumentInput, {
    nullable: true,
    description: 'The corrected source document, as a whole; an explicit null: none (an oral directive).',
  })
  sourceDocument?: SourceDocumentInput | null;

  @Field(() => [ID], {
    nullable: true,
    description: 'The corrected coordinating units, as a whole: at most 20, not the lead unit; `[]` for none.',
  })
  coordinatingOrganisationIds?: string[] | null;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      'The corrected deadline of the coordinating units; an explicit null: none (the task’s deadline in force). Not before the assignment, not after the original deadline.',
  })
  coordinationDueOn?: CalendarDate | null;
}
