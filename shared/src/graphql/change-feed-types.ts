import { ArgsType, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { PageInfo } from './pagination';

/** The arguments of every change feed: where to go on from, and how many. */
@ArgsType()
export class FeedArgs {
  @Field(() => String, {
    nullable: true,
    description: 'The `endCursor` of the last page read; the oldest event when absent.',
  })
  after?: string | null;
  @Field(() => Int, { nullable: true, description: 'Page size, 1 to 500; 20 when absent, as every list.' })
  first?: number | null;
}

/** A feed's edge and connection types, `<Name>Edge` and `<Name>Connection`, around its event type. */
export function feedConnectionTypes<Event extends object>(name: string, feed: string, event: ClassType<Event>) {
  @ObjectType(`${name}Edge`, { description: 'An event in the feed, with its cursor.' })
  class Edge {
    @Field({ description: 'Opaque position after this event; yours only.' }) cursor: string;
    @Field(() => event, { description: 'The event.' }) node: Event;
  }

  @ObjectType(`${name}Connection`, { description: `A page of the ${feed} feed.` })
  class Connection {
    @Field(() => [Edge], { description: 'The events of this page, oldest first.' }) edges: Edge[];
    @Field(() => PageInfo, {
      description: 'Where this page ends; `endCursor` is null on an empty page: keep the last one.',
    })
    pageInfo: PageInfo;
  }
  return { Edge, Connection };
}
