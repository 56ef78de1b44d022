import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * The `Organisation` entity (đơn vị), owned by the organisations subgraph. This subgraph knows only
 * its id, and adds the unit's inspections to it.
 */
@Directive('@key(fields: "id")')
// No description here: the supergraph takes the owner's.
@ObjectType('Organisation')
export class Organisation {
  @Field(() => ID, { description: 'Opaque, stable identifier.' })
  id: string;
}
