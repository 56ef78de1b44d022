import { ChangeActor, FeedArgs, feedConnectionTypes } from '@giaoviec/shared';
import { GraphQLDateTime } from 'graphql-scalars';
import { ArgsType, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
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

/** A page of the inspection feed. */
export const { Connection: InspectionEventConnection } = feedConnectionTypes(
  'InspectionEvent',
  'inspection',
  InspectionChangeEvent,
);
export type InspectionEventConnection = InstanceType<typeof InspectionEventConnection>;

/** The inspection feed's arguments: those of every feed. */
@ArgsType()
export class InspectionEventArgs extends FeedArgs {}
