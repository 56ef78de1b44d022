import { Directive, Field, ObjectType } from 'type-graphql';

/** The platform itself, for the steps no user took (scheduled runs, data loads). */
export const PLATFORM_ACTOR = { id: 'platform', name: 'Nền tảng Giao Việc' } as const;

/** Who made a change: a user (the token's `sub` and `name`) or the platform. */
@Directive('@shareable')
@ObjectType('Actor', { description: 'Who made a change: a user, or the platform itself for automatic steps.' })
export class ChangeActor {
  @Field({ description: 'The user’s id (the token’s `sub`), or `platform` for automatic steps.' })
  id: string;

  @Field({ description: 'The name recorded with the change.' })
  name: string;
}
