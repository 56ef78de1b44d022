import { DEMO_INSPECTION, demoUnitId, uuidFromName } from '@giaoviec/shared';

/** The Department of Construction's period in the demo data: the worked example of RULES.md. */
const PERIOD = { from: '2017-01-01', to: '2017-10-15', asOf: '2017-10-15' };
const CONSTRUCTION = demoUnitId('SXD');
/** The first task the demo generator gives the Department of Construction in 2017 (generated-task.ts). */
const A_TASK = uuidFromName('task:2017:SXD:0');

/**
 * The variables each IDE tab opens with, by contract file: values that run against the demo data
 * (`npm start`), so that a newcomer's first click answers with figures. A file's mutations share its
 * tab's variables; their inputs are the user's to write.
 */
export const EXAMPLE_VARIABLES: Record<string, Record<string, unknown>> = {
  'compliance.graphql': { ...PERIOD, kinds: ['DEPARTMENT', 'DISTRICT'] },
  'coordination.graphql': { ...PERIOD, id: A_TASK, kinds: ['DEPARTMENT'] },
  'events.graphql': { first: 20 },
  'follow-up.graphql': { ...PERIOD, id: A_TASK, kinds: ['DEPARTMENT'] },
  'history.graphql': { ...PERIOD, asOf: '2017-10-15', kinds: ['DEPARTMENT'], id: CONSTRUCTION },
  'inspections.graphql': { id: DEMO_INSPECTION.id, organisationId: CONSTRUCTION },
  'notifications.graphql': { first: 20, unreadOnly: true },
  'organisations.graphql': { kinds: ['DEPARTMENT'], id: CONSTRUCTION },
  'reports.graphql': { ...PERIOD, cycle: 'QUARTER', year: 2017, index: 3, by: ['LEAD_UNIT', 'OVERDUE_AGE'] },
  'tasks.graphql': { id: A_TASK, organisationId: CONSTRUCTION, asOf: PERIOD.asOf, first: 20 },
  'webhooks.graphql': {},
};
