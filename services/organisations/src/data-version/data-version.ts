import type { DataVersionSource, RequestContext } from '@giaoviec/shared';
import type { DataSource } from 'typeorm';

/** The version of all the subgraph's data (migration 1766000000010). */
async function readDataVersion(db: DataSource): Promise<string> {
  const [row] = (await db.query(`SELECT version::text FROM organisations.data_version`)) as Array<{ version: string }>;
  return row?.version ?? '0';
}

/**
 * The organisations subgraph's validators: every query answer depends only on its own tables, the
 * user and the date (both in the gateway's key), so one version, read before anything resolves,
 * covers any of them.
 */
export const organisationsDataVersions: DataVersionSource<RequestContext, string> = {
  prepare: ({ context }) => readDataVersion(context.db),
  validator: (_request, version) => (version === undefined ? undefined : { scope: {}, version }),
  async current(db, scopes) {
    const version = await readDataVersion(db);
    return scopes.map(() => version);
  },
};
