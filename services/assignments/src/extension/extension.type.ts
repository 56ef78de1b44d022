import { DateScalar, type CalendarDate } from '@giaoviec/shared';
import { Field, ID, ObjectType } from 'type-graphql';
import type { ExtensionRow } from '../task/extension.entity';
import { ExtensionStatusEnum } from '../task/task.enums';

@ObjectType('Extension', { description: 'A request to move a task’s deadline (gia hạn), and its decision.' })
export class Extension {
  @Field(() => ID, { description: 'Opaque, stable identifier.' }) id: string;

  @Field(() => DateScalar, { description: 'When the lead unit asked.' })
  requestedOn: CalendarDate;

  @Field(() => DateScalar, { description: 'The proposed new deadline.' })
  proposedDueOn: CalendarDate;

  @Field({ description: 'Why.' })
  reason: string;

  @Field(() => ExtensionStatusEnum, { description: 'Where the request stands.' })
  status: ExtensionStatusEnum;

  @Field(() => DateScalar, { nullable: true, description: 'The decision date; null while pending.' })
  decidedOn: CalendarDate | null;

  @Field(() => String, { nullable: true, description: 'The note on the decision.' })
  decisionNote: string | null;

  /** Not in the schema: `task` resolves it. */
  taskId: string;
}

/** A stored extension request as the GraphQL type. */
export function extensionOf(row: ExtensionRow): Extension {
  return {
    id: row.id,
    requestedOn: row.requestedOn,
    proposedDueOn: row.proposedDueOn,
    reason: row.reason,
    status: ExtensionStatusEnum[row.status],
    decidedOn: row.decidedOn,
    decisionNote: row.decisionNote,
    taskId: row.taskId,
  };
}
