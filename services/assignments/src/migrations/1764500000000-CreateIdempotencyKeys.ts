import { idempotencyTableSql } from '@giaoviec/shared';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The idempotency keys of this service's mutations (shared/src/idempotency.ts). */
export class CreateIdempotencyKeys1764500000000 implements MigrationInterface {
  name = 'CreateIdempotencyKeys1764500000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(idempotencyTableSql('assignments'));
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE assignments.idempotency_key');
  }
}
