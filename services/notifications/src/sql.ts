import type { EntityManager } from 'typeorm';

/**
 * The rows a statement returned. TypeORM's `query` answers `[rows, rowCount]` for UPDATE and
 * DELETE but the rows alone for the rest: this reads both.
 */
export async function returning<Row>(
  tx: Pick<EntityManager, 'query'>,
  sql: string,
  values: unknown[] = [],
): Promise<Row[]> {
  const result: unknown = await tx.query(sql, values);
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number')
    return result[0] as Row[];
  return Array.isArray(result) ? (result as Row[]) : [];
}
