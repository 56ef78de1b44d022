import {
  DEMO_INSPECTION,
  demoUnitId,
  foldForSearch,
  serviceUser,
  signUserToken,
  type CalendarDate,
  type Logger,
} from '@giaoviec/shared';
import type { DataSource } from 'typeorm';
import { InspectionRow } from '../inspection/inspection.entity';
import { InspectionStore } from '../inspection/inspection.store';

const WAIT_FOR_ASSIGNMENTS_MS = 60_000;

/**
 * The inspection of the Department of Construction on 2017-10-19, loaded into an empty table. Its
 * recorded figures are asked of the assignments subgraph, as for any inspection: none is typed in.
 */
export async function loadDemoInspection(db: DataSource, log: Logger): Promise<void> {
  if ((await db.getRepository(InspectionRow).count()) > 0) return;
  const store = new InspectionStore(db, {
    today: DEMO_INSPECTION.inspectedOn as CalendarDate,
    user: null,
    requestId: 'demo-data-load',
    userToken: await signUserToken(serviceUser('inspections')),
  });
  const organisationId = demoUnitId(DEMO_INSPECTION.unitCode);
  const from = DEMO_INSPECTION.periodFrom as CalendarDate;
  const to = DEMO_INSPECTION.periodTo as CalendarDate;
  // Started beside the other subgraphs: assignments may still be loading its own demo data.
  const deadline = Date.now() + WAIT_FOR_ASSIGNMENTS_MS;
  let recordedFigures;
  for (;;) {
    try {
      recordedFigures = await store.currentFigures(organisationId, from, to);
      break;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      log.debug({ err: error }, 'waiting for the assignments subgraph');
      await new Promise((wake) => setTimeout(wake, 500));
    }
  }
  await store.insert(
    {
      id: DEMO_INSPECTION.id,
      organisationId,
      team: DEMO_INSPECTION.team,
      teamSearch: foldForSearch(DEMO_INSPECTION.team),
      teamLeader: DEMO_INSPECTION.teamLeader,
      inspectedOn: DEMO_INSPECTION.inspectedOn as CalendarDate,
      periodFrom: from,
      periodTo: to,
      findings: DEMO_INSPECTION.findings,
      recordedAt: new Date(),
      recordedFigures,
    },
    [...DEMO_INSPECTION.conclusions],
    [...DEMO_INSPECTION.recommendations],
  );
  log.info({ inspection: DEMO_INSPECTION.id, recordedFigures }, 'demo inspection loaded');
}
