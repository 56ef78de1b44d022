import pg from 'pg';
import { Column, DataSource, Entity, PrimaryColumn } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '@giaoviec/shared';

@Entity({ name: 'dated' })
class DatedRow {
  @PrimaryColumn('integer') id: number;
  @Column({ type: 'date', nullable: true }) on: string | null;
  @Column({ type: 'date', array: true }) days: string[];
}

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.drop());

describe('dates from PostgreSQL are YYYY-MM-DD text', () => {
  it('in raw queries: date, date[] with NULL, and the extremes of the calendar', async () => {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const { rows } = await client.query(
        `SELECT '2024-08-14'::date AS on, ARRAY['2024-06-19', NULL, '0001-01-01', '9999-12-31']::date[] AS days,
                '{}'::date[] AS none`,
      );
      expect(rows[0]).toEqual({ on: '2024-08-14', days: ['2024-06-19', null, '0001-01-01', '9999-12-31'], none: [] });
    } finally {
      await client.end();
    }
  });

  it('through TypeORM entities, scalar and array columns alike', async () => {
    const db = new DataSource({ type: 'postgres', url: database.url, entities: [DatedRow], synchronize: true });
    await db.initialize();
    try {
      await db.getRepository(DatedRow).insert({ id: 1, on: '2024-08-14', days: ['2024-06-19', '2024-07-25'] });
      const row = await db.getRepository(DatedRow).findOneByOrFail({ id: 1 });
      expect(row.on).toBe('2024-08-14');
      expect(row.days).toEqual(['2024-06-19', '2024-07-25']);
      expect(row.days.every((day) => typeof day === 'string')).toBe(true);
    } finally {
      await db.destroy();
    }
  });
});
