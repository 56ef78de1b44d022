import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * The `Official` entity (cán bộ lãnh đạo), owned by the organisations subgraph: this subgraph only
 * refers to it, as the leader who assigned a task.
 */
@Directive('@key(fields: "id", resolvable: false)')
// No description here: the supergraph takes the owner's.
@ObjectType('Official')
export class Official {
  @Field(() => ID, { description: 'Opaque, stable identifier.' })
  id: string;
}

/** A reference the gateway resolves through the organisations subgraph. */
export const officialReference = (id: string | null): Official | null => (id ? { id } : null);
