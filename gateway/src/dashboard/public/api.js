// @ts-check
// The dashboard's only way to the data: the contract's queries, sent to the public /graphql
// endpoint with the user's bearer token. The gateway serves the operations' text from the contract
// folder (operations.json), so this page cannot drift from what clients are promised; beside them,
// a few queries of the page's own, under names the contract does not use (decision 0038).

/**
 * @typedef {{ message: string; extensions?: { code?: string; requestId?: string } }} ApiError
 * @typedef {{ assigned: number; completedOnTime: number; completedLate: number;
 *   inProgressWithinDeadline: number; inProgressOverdue: number }} Buckets
 * @typedef {Buckets & { withoutDeadline: number; due: number; completionRate: number | null;
 *   onTimeRate: number | null }} Figures the contract's `Figures` fragment
 * @typedef {{ requested: number; contributedOnTime: number; contributedLate: number;
 *   pendingWithinDeadline: number; pendingOverdue: number }} Coordination a unit's record as a coordinator
 * @typedef {{ id: string; code: string; name: string; kind: string; compliance: Figures | null;
 *   coordination?: Coordination | null }} Unit `coordination` joined in from CoordinationFigures
 * @typedef {{ id: string; code: string; name: string; compliance: Buckets | null }} Division
 * @typedef {{ id: string; title: string; dueOn: string }} OverdueTask an overdue task has a deadline
 * @typedef {{ id: string; team: string; inspectedOn: string; periodFrom: string; periodTo: string;
 *   compliance: Buckets | null }} Inspection
 * @typedef {{ reminders: number; explanationsRequested: number; explanationsAnsweredOnTime: number;
 *   explanationsAnsweredLate: number; explanationsOverdue: number }} FollowUp
 * @typedef {{ id: string; title: string; status: string; dueOn: string | null;
 *   leadOrganisation: { id: string; code: string; name: string } | null }} AwaitingTask
 */
/**
 * What each contract query the page sends answers (test/contract/operations).
 * @typedef {{
 *   LeadershipCompliance: { organisations: Unit[] };
 *   OrganisationsAsOf: { organisations: Array<{ id: string; code: string; name: string; kind: string }> };
 *   ProvinceCompliance: { complianceSummary: { totals: Figures } };
 *   OverdueTasks: { tasks: { totalCount: number; edges: { node: OverdueTask }[];
 *     pageInfo: { hasNextPage: boolean; endCursor: string | null } } | null };
 *   UnitInspections: { organisation: { id: string; name: string; inspections: Inspection[] | null } | null };
 *   CoordinationFigures: { organisations: { id: string; code: string; coordinationCompliance: Coordination | null }[] };
 *   InternalCompliance: { organisation: { id: string; divisions: Division[] | null } | null };
 *   FollowUpFigures: { organisations: { id: string; code: string; followUp: FollowUp | null }[] };
 *   AwaitingDecision: { tasks: { totalCount: number; edges: { node: AwaitingTask }[] } | null };
 * }} Answers what the page's own AwaitingDecision answers too (gateway/src/dashboard/own-operations)
 */

const ENDPOINT = new URL('../graphql', document.baseURI);

/** A failed request: each GraphQL error with its code, as the API gave them. */
export class RequestFailed extends Error {
  /** @param {ApiError[]} errors */
  constructor(errors) {
    super(errors.map((error) => error.message).join('; '));
    this.errors = errors;
  }
}

/** @type {Promise<Record<string, { file: string; text: string } | undefined>> | undefined} */
let contract;

/** The contract's queries by name: `{ file, text }`. */
export function contractQueries() {
  contract ??= fetch(new URL('operations.json', document.baseURI)).then(async (response) => {
    if (!response.ok)
      throw new RequestFailed([
        {
          message: `Không tải được các thao tác (HTTP ${response.status})`,
          extensions: { code: 'CONTRACT_UNAVAILABLE' },
        },
      ]);
    /** @type {unknown} */
    const operations = await response.json();
    return /** @type {Record<string, { file: string; text: string } | undefined>} */ (operations);
  });
  return contract;
}

/**
 * Runs one contract query. Resolves to `{ data, errors }`: a partial answer (one subgraph down)
 * keeps its data and its errors. Rejects with RequestFailed when there is no data at all.
 * @template {keyof Answers} Name
 * @param {Name} name
 * @param {Record<string, unknown>} variables
 * @param {string} token
 * @returns {Promise<{ data: Answers[Name]; errors: ApiError[] }>}
 */
export async function query(name, variables, token) {
  const operation = (await contractQueries())[name];
  if (!operation)
    throw new RequestFailed([
      { message: `Hợp đồng không có thao tác ${name}`, extensions: { code: 'CONTRACT_MISSING' } },
    ]);
  let response;
  try {
    response = await fetch(ENDPOINT, {
      method: 'POST',
      // The dashboard speaks Vietnamese: so do the API's error messages (gateway/src/language).
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        'accept-language': 'vi',
        authorization: `Bearer ${token}`,
      },
      body: JSON.stringify({ query: operation.text, operationName: name, variables }),
    });
  } catch (error) {
    throw new RequestFailed([
      {
        message: `Không kết nối được máy chủ: ${error instanceof Error ? error.message : String(error)}`,
        extensions: { code: 'NETWORK_ERROR' },
      },
    ]);
  }
  /** @type {unknown} */
  const json = await response.json().catch(() => null);
  const body = /** @type {{ data?: Answers[Name] | null; errors?: ApiError[] } | null} */ (json);
  if (!body)
    throw new RequestFailed([
      { message: `Máy chủ trả lời HTTP ${response.status}`, extensions: { code: `HTTP_${response.status}` } },
    ]);
  const errors = body.errors ?? [];
  if (!body.data)
    throw new RequestFailed(errors.length ? errors : [{ message: `HTTP ${response.status}`, extensions: {} }]);
  return { data: body.data, errors };
}
