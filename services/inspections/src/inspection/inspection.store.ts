import {
  BadUserInputError,
  NotFoundError,
  cleanText,
  searchPattern,
  decodeCursor,
  encodeCursor,
  existingEntityIds,
  fetchEntities,
  foldForSearch,
  isUuid,
  parseCalendarDate,
  type CalendarDate,
  type Caller,
  type MutationRequest,
  runIdempotently,
} from '@giaoviec/shared';
import { randomUUID } from 'node:crypto';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { ConclusionRow, InspectionRow, RecommendationRow, type RecordedFigures } from './inspection.entity';
import type { InspectionFilter, RecordInspectionInput, RespondToRecommendationInput } from './inspection.inputs';
import { checkInspectionDates, cleanTextList } from './rules';
import { recordInspectionEvent } from '../event/inspection-event.store';

export interface Actor extends Caller {
  today: CalendarDate;
  /** The user the events name; null for the platform's own loads. */
  user: { id: string; name: string } | null;
  /** The mutation being served, for its idempotency key. */
  request?: MutationRequest;
}

const FIGURES =
  'asOf assigned completedOnTime completedLate inProgressWithinDeadline inProgressOverdue withoutDeadline';

export interface InspectionPage {
  rows: Array<InspectionRow & { cursor: string }>;
  totalCount: number;
  hasNextPage: boolean;
}

/** The only place that reads and writes the inspections schema. */
export class InspectionStore {
  constructor(
    private readonly db: DataSource,
    private readonly actor: Actor,
  ) {}

  /**
   * Records an inspection with the unit's figures as they stand now (asked of the assignments
   * subgraph, which owns them): all of it or nothing.
   */
  async record(input: RecordInspectionInput): Promise<InspectionRow> {
    const team = cleanText(input.team, { field: 'team', max: 255, singleLine: true });
    const teamLeader = input.teamLeader?.trim()
      ? cleanText(input.teamLeader, { field: 'teamLeader', max: 255, singleLine: true })
      : null;
    const findings = input.findings?.trim() ? cleanText(input.findings, { field: 'findings', max: 10_000 }) : null;
    checkInspectionDates(input, this.actor.today);
    const conclusions = cleanTextList(input.conclusions, 'conclusions', { min: 1, max: 50 });
    const recommendations = cleanTextList(input.recommendations ?? [], 'recommendations', { min: 0, max: 50 });
    const known = isUuid(input.organisationId)
      ? await existingEntityIds('organisations', 'Organisation', [input.organisationId], this.actor)
      : new Set<string>();
    if (!known.has(input.organisationId))
      throw new BadUserInputError(`No organisation has id ${input.organisationId}`, 'organisationId');
    const recordedFigures = await this.currentFigures(input.organisationId, input.periodFrom, input.periodTo);

    const inspection: InspectionRow = {
      id: randomUUID(),
      organisationId: input.organisationId,
      team,
      teamSearch: foldForSearch(team),
      teamLeader,
      inspectedOn: input.inspectedOn,
      periodFrom: input.periodFrom,
      periodTo: input.periodTo,
      findings,
      recordedAt: new Date(),
      recordedFigures,
    };
    return this.insert(
      inspection,
      conclusions.map((text) => ({ id: randomUUID(), text })),
      recommendations.map((text) => ({ id: randomUUID(), text })),
    );
  }

  /** Writes an inspection and its texts in one transaction. */
  async insert(
    inspection: InspectionRow,
    conclusions: Array<{ id: string; text: string }>,
    recommendations: Array<{ id: string; text: string }>,
  ): Promise<InspectionRow> {
    return this.transaction(async (tx) => {
      await tx.getRepository(InspectionRow).insert(inspection);
      await recordInspectionEvent(tx, { inspectionId: inspection.id, type: 'RECORDED', actor: this.actor.user });
      await tx
        .getRepository(ConclusionRow)
        .insert(conclusions.map((row, index) => ({ ...row, inspectionId: inspection.id, position: index + 1 })));
      if (recommendations.length) {
        await tx.getRepository(RecommendationRow).insert(
          recommendations.map((row, index) => ({
            ...row,
            inspectionId: inspection.id,
            position: index + 1,
            response: null,
            respondedOn: null,
          })),
        );
      }
      return inspection;
    });
  }

  /** One transaction per write, run once per idempotency key (a replay gets its instant back as a Date). */
  private transaction<T extends object>(run: (tx: EntityManager) => Promise<T>): Promise<T> {
    return runIdempotently(this.db, 'inspections', this.actor.request ?? null, run, (stored) =>
      'recordedAt' in stored ? { ...stored, recordedAt: new Date(stored.recordedAt as string) } : stored,
    );
  }

  /** The unit's figures over a period, as of its end, from the assignments subgraph. */
  async currentFigures(organisationId: string, from: CalendarDate, to: CalendarDate): Promise<RecordedFigures> {
    // The dates are checked calendar dates: safe to write into the document.
    const [unit] = await fetchEntities<{ compliance: RecordedFigures }>(
      'assignments',
      'Organisation',
      [organisationId],
      `compliance(from: "${from}", to: "${to}", asOf: "${to}") { ${FIGURES} }`,
      this.actor,
    );
    return unit!.compliance;
  }

  async respond(input: RespondToRecommendationInput): Promise<RecommendationRow> {
    const response = cleanText(input.response, { field: 'response', max: 2000 });
    if (input.respondedOn > this.actor.today)
      throw new BadUserInputError('respondedOn must not be in the future', 'respondedOn');
    return this.transaction(async (tx) => {
      const recommendations = tx.getRepository(RecommendationRow);
      const recommendation = isUuid(input.recommendationId)
        ? await recommendations
            .createQueryBuilder('r')
            .setLock('pessimistic_write')
            .where('r.id = :id', { id: input.recommendationId })
            .getOne()
        : null;
      if (!recommendation) throw new NotFoundError(`No recommendation has id ${input.recommendationId}`);
      const inspection = await tx.getRepository(InspectionRow).findOneByOrFail({ id: recommendation.inspectionId });
      if (input.respondedOn < inspection.inspectedOn) {
        throw new BadUserInputError('respondedOn must not be before the inspection', 'respondedOn');
      }
      const updated = { ...recommendation, response, respondedOn: input.respondedOn };
      await recommendations.update({ id: recommendation.id }, { response, respondedOn: input.respondedOn });
      await recordInspectionEvent(tx, {
        inspectionId: recommendation.inspectionId,
        type: 'RECOMMENDATION_ANSWERED',
        actor: this.actor.user,
      });
      return updated;
    });
  }

  /** A page of inspections, newest first, in one statement. */
  async page(filter: InspectionFilter, first: number, after: string | null): Promise<InspectionPage> {
    const parameters: unknown[] = [];
    const param = (value: unknown) => {
      parameters.push(value);
      return `$${parameters.length}`;
    };
    const conditions: string[] = [];
    if (filter.organisationId) {
      if (!isUuid(filter.organisationId)) return { rows: [], totalCount: 0, hasNextPage: false };
      conditions.push(`organisation_id = ${param(filter.organisationId)}::uuid`);
    }
    const team = searchPattern(filter.team, 'team');
    if (team) conditions.push(`team_search LIKE ${param(team)}`);
    if (filter.inspectedFrom) conditions.push(`inspected_on >= ${param(filter.inspectedFrom)}::date`);
    if (filter.inspectedTo) conditions.push(`inspected_on <= ${param(filter.inspectedTo)}::date`);
    const where = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
    const cursor = after ? decodeCursor(after, [(part) => parseCalendarDate(part) !== null, isUuid]) : null;
    const afterCondition = cursor
      ? `WHERE (inspected_on, id) < (${param(cursor[0])}::date, ${param(cursor[1])}::uuid)`
      : '';
    const limit = param(first + 1);
    const rows: Array<{ id: string; total: string }> = await this.db.query(
      `WITH matching AS (SELECT id, inspected_on, count(*) OVER () AS total FROM inspections.inspection ${where})
       SELECT id, total FROM matching ${afterCondition} ORDER BY inspected_on DESC, id DESC LIMIT ${limit}`,
      parameters,
    );
    const found = rows.length
      ? await this.db.getRepository(InspectionRow).findBy({ id: In(rows.slice(0, first).map((row) => row.id)) })
      : [];
    const byId = new Map(found.map((row) => [row.id, row]));
    const pageRows = rows.slice(0, first).map((row) => {
      const inspection = byId.get(row.id)!;
      return { ...inspection, cursor: encodeCursor([inspection.inspectedOn, inspection.id]) };
    });
    const totalCount = rows.length
      ? Number(rows[0]!.total)
      : cursor
        ? await this.count(where, parameters.slice(0, conditions.length))
        : 0;
    return { rows: pageRows, totalCount, hasNextPage: rows.length > first };
  }

  private async count(where: string, parameters: unknown[]): Promise<number> {
    const [row] = await this.db.query(`SELECT count(*) AS total FROM inspections.inspection ${where}`, parameters);
    return Number(row.total);
  }
}
