import { ChangeActor, PageInfo } from '@giaoviec/shared';
import { GraphQLDateTime } from 'graphql-scalars';
import { ArgsType, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Inspection } from '../inspection/inspection.type';

/** What happened to an inspection or its follow-up. */
export enum InspectionEventTypeEnum {
  RECORDED = 'RECORDED',
  RECOMMENDATION_ANSWERED = 'RECOMMENDATION_ANSWERED',
}
registerEnumType(InspectionEventTypeEnum, {
  name: 'InspectionEventType',
  description: 'What happened to an inspection (a change of the inspection feed).',
  valuesConfig: {
    RECORDED: { description: 'The inspection was recorded, with the unit’s figures as they stood.' },
    RECOMMENDATION_ANSWERED: { description: 'The province recorded how it handled a recommendation.' },
  },
});

/** One change of an inspection (sự kiện kiểm tra), in the feed. */
@ObjectType('InspectionEvent', { description: 'One change of an inspection, in the order its transaction committed.' })
export class InspectionChangeEvent {
  @Field(() => ID, { description: 'Opaque, stable identifier of the event.' }) id: string;
  @Field(() => InspectionEventTypeEnum, { description: 'What happened.' }) type: InspectionEventTypeEnum;
  @Field(() => GraphQLDateTime, { description: 'When it was recorded (an instant, ISO 8601 with offset).' })
  occurredAt: Date;
  @Field(() => ChangeActor, { description: 'Who made the change.' }) actor: ChangeActor;
  @Field(() => Inspection, { nullable: true, description: 'The inspection as it is now.' })
  inspection: Inspection | null;
}

@ObjectType('InspectionEventEdge', { description: 'An event in the feed, with its cursor.' })
export class InspectionEventEdge {
  @Field({ description: 'Opaque position after this event; yours only.' }) cursor: string;
  @Field(() => InspectionChangeEvent, { description: 'The event.' }) node: InspectionChangeEvent;
}

@ObjectType('InspectionEventConnection', { description: 'A page of the inspection feed.' })
export class InspectionEventConnection {
  @Field(() => [InspectionEventEdge], { description: 'The events of this page, oldest first.' })
  edges: InspectionEventEdge[];
  @Field(() => PageInfo, {
    description: 'Where this page ends; `endCursor` is null on an empty page: keep the last one.',
  })
  pageInfo: PageInfo;
}

@ArgsType()
export class InspectionEventArgs {
  @Field(() => String, {
    nullable: true,
    description: 'The `endCursor` of the last page read; the oldest event when absent.',
  })
  after?: string | null;
  @Field(() => Int, { nullable: true, description: 'Page size, 1 to 500; 20 when absent, as every list.' })
  first?: number | null;
}
