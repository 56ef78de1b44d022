import {
  BadUserInputError,
  NotFoundError,
  isUuid,
  runIdempotently,
  type CalendarDate,
  type MutationRequest,
} from '@giaoviec/shared';
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { OrganisationRow } from '../organisation/organisation.entity';
import { existsOn } from '../restructuring/rules';
import { OfficialRow, TermOfOfficeRow } from './official.entity';
import { requireNoOverlap } from './rules';

/** The only place that writes officials and their terms of office. */
export class OfficialStore {
  constructor(
    private readonly db: DataSource,
    private readonly request: MutationRequest,
  ) {}

  private transaction<T>(run: (tx: EntityManager) => Promise<T>): Promise<T> {
    return runIdempotently(this.db, 'organisations', this.request, async (tx) => {
      // Overlap checks read a unit's terms: appointments go one at a time.
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext('organisations.terms'))`);
      return run(tx);
    });
  }

  create(fullName: string): Promise<OfficialRow> {
    return this.transaction(async (tx) => {
      const official = { id: randomUUID(), fullName };
      await tx.getRepository(OfficialRow).insert(official);
      return official;
    });
  }

  appoint(term: Omit<TermOfOfficeRow, 'id'>): Promise<TermOfOfficeRow> {
    return this.transaction(async (tx) => {
      if (!isUuid(term.officialId) || !(await tx.getRepository(OfficialRow).existsBy({ id: term.officialId }))) {
        throw new BadUserInputError(`No official has id ${term.officialId}`, 'officialId');
      }
      const unit = isUuid(term.organisationId)
        ? await tx.getRepository(OrganisationRow).findOneBy({ id: term.organisationId })
        : null;
      if (!unit) throw new BadUserInputError(`No organisation has id ${term.organisationId}`, 'organisationId');
      if (!existsOn(unit, term.startsOn)) {
        throw new BadUserInputError(`${unit.code} did not exist on ${term.startsOn}`, 'startsOn');
      }
      if (term.endsOn !== null && term.endsOn < term.startsOn) {
        throw new BadUserInputError('endsOn must not be before startsOn', 'endsOn');
      }
      const row = { ...term, id: randomUUID() };
      requireNoOverlap(row, await tx.getRepository(TermOfOfficeRow).findBy({ organisationId: term.organisationId }));
      await tx.getRepository(TermOfOfficeRow).insert(row);
      return row;
    });
  }

  end(termId: string, endsOn: CalendarDate): Promise<TermOfOfficeRow> {
    return this.transaction(async (tx) => {
      const term = isUuid(termId) ? await tx.getRepository(TermOfOfficeRow).findOneBy({ id: termId }) : null;
      if (!term) throw new NotFoundError(`No term of office has id ${termId}`);
      if (endsOn < term.startsOn) throw new BadUserInputError('endsOn must not be before startsOn', 'endsOn');
      await tx.getRepository(TermOfOfficeRow).update({ id: termId }, { endsOn });
      return { ...term, endsOn };
    });
  }
}
