import {
  DEMO_LEADERS,
  DEMO_TERMS_FROM,
  DEPARTMENT_MERGES_2025,
  DEPARTMENT_MERGE_BASIS,
  DEPARTMENT_MERGE_DATE,
  DISTRICT_ABOLITIONS_2025,
  DISTRICT_ABOLITION_BASIS,
  DISTRICT_ABOLITION_DATE,
  LANG_SON_DIVISIONS_2017,
  LANG_SON_UNITS_2017,
  PROVINCE_CODE,
  demoOfficialId,
  demoUnitId,
  type CalendarDate,
  type DemoUnit,
  type Logger,
} from '@giaoviec/shared';
import type { DataSource } from 'typeorm';
import { OfficialRow, TermOfOfficeRow } from '../official/official.entity';
import type { Position } from '../official/position';
import { OrganisationRow } from '../organisation/organisation.entity';
import type { OrganisationKind } from '../organisation/organisation-kind';
import { RestructuringEventRow } from '../restructuring/restructuring.entity';
import { RestructuringStore, type NewUnit } from '../restructuring/restructuring.store';

const newUnit = (unit: DemoUnit): NewUnit => ({
  id: demoUnitId(unit.code),
  code: unit.code,
  name: unit.name,
  kind: unit.kind as OrganisationKind,
  parentId: unit.parentCode ? demoUnitId(unit.parentCode) : null,
});

/**
 * The Lạng Sơn units of 2017, the province's leaders, then the 2025 restructuring recorded through
 * the same store as the mutations. Each part is loaded only when its tables are empty.
 */
export async function loadDemoOrganisations(db: DataSource, log: Logger): Promise<void> {
  const rows = db.getRepository(OrganisationRow);
  if ((await rows.count()) === 0) {
    const units = [...LANG_SON_UNITS_2017, ...LANG_SON_DIVISIONS_2017];
    await rows.insert(units.map((unit) => ({ ...newUnit(unit), validFrom: null, validTo: null, nameSince: null })));
    log.info({ units: units.length }, 'demo organisations loaded');
  }
  if ((await db.getRepository(OfficialRow).count()) === 0) await loadLeaders(db);
  if ((await db.getRepository(RestructuringEventRow).count()) === 0) {
    await restructure2025(db);
    log.info('demo restructuring of 2025 recorded');
  }
}

async function loadLeaders(db: DataSource): Promise<void> {
  const province = demoUnitId(PROVINCE_CODE);
  const office = demoUnitId('VP-UBND');
  const held: Array<[string, string, Position]> = [
    [DEMO_LEADERS.chairman.name, province, 'CHAIRMAN' as Position],
    ...DEMO_LEADERS.viceChairmen.map((leader): [string, string, Position] => [
      leader.name,
      province,
      'VICE_CHAIRMAN' as Position,
    ]),
    [DEMO_LEADERS.officeSigners[0]!, office, 'CHIEF_OF_OFFICE' as Position],
    [DEMO_LEADERS.officeSigners[1]!, office, 'DEPUTY_CHIEF_OF_OFFICE' as Position],
  ];
  await db.getRepository(OfficialRow).insert(held.map(([name]) => ({ id: demoOfficialId(name), fullName: name })));
  await db.getRepository(TermOfOfficeRow).insert(
    held.map(([name, organisationId, position]) => ({
      id: demoOfficialId(`${name}|${position}`),
      officialId: demoOfficialId(name),
      organisationId,
      position,
      startsOn: DEMO_TERMS_FROM as CalendarDate,
      endsOn: null,
      legalBasis: null,
    })),
  );
}

async function restructure2025(db: DataSource): Promise<void> {
  const store = new RestructuringStore(db, null);
  for (const merge of DEPARTMENT_MERGES_2025) {
    await store.succeed({
      kind: 'MERGE',
      effectiveOn: DEPARTMENT_MERGE_DATE as CalendarDate,
      legalBasis: DEPARTMENT_MERGE_BASIS,
      note: null,
      recordedBy: 'demo',
      endingIds: merge.sources.map(demoUnitId),
      successorIds: typeof merge.into === 'string' ? [demoUnitId(merge.into)] : [],
      newUnits: typeof merge.into === 'string' ? [] : [newUnit(merge.into)],
    });
  }
  for (const abolition of DISTRICT_ABOLITIONS_2025) {
    await store.succeed({
      kind: 'ABOLISH',
      effectiveOn: DISTRICT_ABOLITION_DATE as CalendarDate,
      legalBasis: DISTRICT_ABOLITION_BASIS,
      note: null,
      recordedBy: 'demo',
      endingIds: [demoUnitId(abolition.code)],
      successorIds: (abolition.alsoTo ?? []).map(demoUnitId),
      newUnits: abolition.successors.map(newUnit),
    });
  }
}
