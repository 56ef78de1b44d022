import { LANG_SON_UNITS_2017, demoUnitId, type Logger } from '@giaoviec/shared';
import type { DataSource } from 'typeorm';
import { OrganisationRow } from '../organisation/organisation.entity';
import type { OrganisationKind } from '../organisation/organisation-kind';

/** The Lạng Sơn units of 2017, loaded only into an empty table. */
export async function loadDemoOrganisations(db: DataSource, log: Logger): Promise<void> {
  const rows = db.getRepository(OrganisationRow);
  if ((await rows.count()) > 0) return;
  await rows.insert(
    LANG_SON_UNITS_2017.map((unit) => ({
      id: demoUnitId(unit.code),
      code: unit.code,
      name: unit.name,
      kind: unit.kind as OrganisationKind,
      parentId: unit.parentCode ? demoUnitId(unit.parentCode) : null,
    })),
  );
  log.info({ units: LANG_SON_UNITS_2017.length }, 'demo organisations loaded');
}
