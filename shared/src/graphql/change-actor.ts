import { Directive, Field, ObjectType } from 'type-graphql';

/** The platform itself, for the steps no user took (scheduled runs, data loads). */
export const PLATFORM_ACTOR = { id: 'platform', name: 'Nền tảng Giao Việc' } as const;

/** The actor an event row recorded: its user (`actor_id`, `actor`), or the platform when it has none. */
export function recordedActor(row: { actorId: string | null; actor: string }): { id: string; name: string } {
  return row.actorId === null ? { ...PLATFORM_ACTOR, name: row.actor } : { id: row.actorId, name: row.actor };
}

/** Who made a change: a user (the token's `sub` and `name`) or the platform. */
@Directive('@shareable')
@ObjectType('Actor', { description: 'Who made a change: a user, or the platform itself for automatic steps.' })
export class ChangeActor {
  @Field({ description: 'The user’s id (the token’s `sub`), or `platform` for automatic steps.' })
  id: string;

  @Field({ description: 'The name recorded with the change.' })
  name: string;
}
