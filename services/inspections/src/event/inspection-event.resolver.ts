import { MAY, feedConnection, feedPageRequest, recordedActor, type RequestContext } from '@giaoviec/shared';
import { Args, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import type { InspectionLoaders } from '../inspection/inspection.loaders';
import { inspectionOf } from '../inspection/inspection.resolver';
import { inspectionEventPage } from './inspection-event.store';
import { InspectionEventArgs, InspectionEventConnection, InspectionEventTypeEnum } from './inspection-event.type';

const FEED = 'inspection';

@Resolver()
export class InspectionEventResolver {
  @Authorized(...MAY.readInspections)
  @Query(() => InspectionEventConnection, {
    description:
      'The inspection feed: every change of the inspections the caller may read, in the order its transaction committed, oldest first. Keep the last `endCursor` and ask again with `after`: no event is missed or repeated. Events are kept at least 400 days (older `after`: CURSOR_EXPIRED).',
  })
  async inspectionEvents(
    @Args(() => InspectionEventArgs) { after, first }: InspectionEventArgs,
    @Ctx() context: RequestContext<InspectionLoaders>,
  ): Promise<InspectionEventConnection> {
    const user = context.user!;
    const { request, size } = feedPageRequest(FEED, user, { after, first });
    const rows = await inspectionEventPage(context.db, request);
    const inspections = await Promise.all(
      rows.slice(0, size).map((row) => context.loaders.inspectionById.load(row.inspectionId)),
    );
    return feedConnection(FEED, user.id, rows, size, (row, index) => {
      const inspection = inspections[index] ?? null;
      return {
        id: row.id,
        type: InspectionEventTypeEnum[row.type],
        occurredAt: row.at,
        actor: recordedActor(row),
        inspection: inspection && inspectionOf(inspection),
      };
    });
  }
}
