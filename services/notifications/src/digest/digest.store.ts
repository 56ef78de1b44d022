import type { DataSource } from 'typeorm';
import { returning } from '../sql';
import type { DigestItem } from './digest-message';

/** A unit whose staff have notifications no digest has listed yet. */
export interface PendingDigest {
  organisationId: string;
  items: DigestItem[];
  until: Date;
}

/**
 * The units due a digest on `day`: none sent that day, and notifications newer than their last
 * digest (the first digest lists the last day's). One statement for every unit.
 */
export async function pendingDigests(db: DataSource, day: string): Promise<PendingDigest[]> {
  const rows = (await db.query(
    `SELECT n.organisation_id,
            json_agg(json_build_object('text', n.text, 'createdAt', n.created_at) ORDER BY n.created_at, n.id) AS items,
            max(n.created_at) AS until
       FROM notifications.notification n
       LEFT JOIN (SELECT organisation_id, max(covered_until) AS covered FROM notifications.digest GROUP BY organisation_id) d
         ON d.organisation_id = n.organisation_id
      WHERE n.audience = 'UNIT'
        AND n.created_at > COALESCE(d.covered, now() - interval '1 day')
        AND NOT EXISTS (SELECT 1 FROM notifications.digest x WHERE x.organisation_id = n.organisation_id AND x.day = $1)
      GROUP BY n.organisation_id`,
    [day],
  )) as Array<{ organisation_id: string; items: Array<{ text: string; createdAt: string }>; until: Date }>;
  return rows.map((row) => ({
    organisationId: row.organisation_id,
    items: row.items.map((item) => ({ text: item.text, createdAt: new Date(item.createdAt) })),
    until: row.until,
  }));
}

/** Claims the unit's digest of the day (one replica sends it); false when already claimed. */
export async function claimDigest(db: DataSource, digest: PendingDigest, day: string, to: string): Promise<boolean> {
  const rows = await returning(
    db,
    `INSERT INTO notifications.digest (organisation_id, day, covered_until, sent_to) VALUES ($1, $2, $3, $4)
     ON CONFLICT DO NOTHING RETURNING organisation_id`,
    [digest.organisationId, day, digest.until, to],
  );
  return rows.length === 1;
}

/** Gives a claim back after a failed sending: the next round tries again. */
export async function releaseDigest(db: DataSource, organisationId: string, day: string): Promise<void> {
  await db.query(`DELETE FROM notifications.digest WHERE organisation_id = $1 AND day = $2`, [organisationId, day]);
}
