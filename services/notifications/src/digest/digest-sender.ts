import { fetchEntities, serviceUser, signUserToken, todayInVietnam } from '@giaoviec/shared';
import { randomUUID } from 'node:crypto';
import { createTransport, type Transporter } from 'nodemailer';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { SERVICE_NAME } from '../feed/feed-consumer';
import { Rounds } from '../rounds';
import { digestMessage } from './digest-message';
import { claimDigest, pendingDigests, releaseDigest } from './digest.store';

export interface DigestSettings {
  /** `SMTP_URL`, e.g. `smtps://user:password@mail.example.vn`; no digest when unset. */
  smtpUrl: string;
  /** `DIGEST_FROM`. */
  from: string;
  /** `DIGEST_AT`: the time of day in Vietnam (HH:MM) from which the day's digest goes. */
  at: string;
  /** `DIGEST_CHECK_MS`: how often to look for digests due. */
  checkMs: number;
}

/** The digest's settings, or null when `SMTP_URL` is unset (e-mail off). */
export function digestSettingsFromEnvironment(env: NodeJS.ProcessEnv = process.env): DigestSettings | null {
  if (!env.SMTP_URL) return null;
  const at = env.DIGEST_AT ?? '07:00';
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(at)) throw new Error('DIGEST_AT must be HH:MM');
  return {
    smtpUrl: env.SMTP_URL,
    from: env.DIGEST_FROM ?? 'Giao Việc <no-reply@giaoviec.invalid>',
    at,
    checkMs: Number(env.DIGEST_CHECK_MS ?? 60_000),
  };
}

/** HH:MM now in Vietnam. */
function vietnamClock(now: Date): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Ho_Chi_Minh',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(now);
}

/**
 * Once a day per unit, from `DIGEST_AT` on: an e-mail to the unit's `contactEmail` (read from the
 * organisations subgraph) listing its notifications since its last digest. A unit with no address
 * gets none. A day's digest is claimed in the table before it is sent, so replicas send it once.
 */
export class DigestSender {
  private readonly transport: Transporter;
  private readonly rounds: Rounds;

  constructor(
    private readonly db: DataSource,
    private readonly settings: DigestSettings,
    private readonly log: Logger,
  ) {
    this.transport = createTransport(settings.smtpUrl);
    this.rounds = new Rounds('digest', () => this.sendDue(), settings.checkMs, log);
  }

  start(): void {
    this.rounds.start();
  }

  async stop(): Promise<void> {
    await this.rounds.stop();
    this.transport.close();
  }

  async sendDue(now = new Date()): Promise<void> {
    if (vietnamClock(now) < this.settings.at) return;
    const day = todayInVietnam(now);
    const pending = await pendingDigests(this.db, day);
    if (pending.length === 0) return;
    const caller = { requestId: randomUUID(), userToken: await signUserToken(serviceUser(SERVICE_NAME)) };
    const units = await fetchEntities<{ id: string; name: string; contactEmail: string | null }>(
      'organisations',
      'Organisation',
      pending.map((digest) => digest.organisationId),
      'id name contactEmail',
      caller,
    );
    for (const [index, digest] of pending.entries()) {
      const unit = units[index];
      if (!unit?.contactEmail) continue;
      if (!(await claimDigest(this.db, digest, day, unit.contactEmail))) continue;
      const message = digestMessage(unit.name, day, digest.items);
      try {
        await this.transport.sendMail({ from: this.settings.from, to: unit.contactEmail, ...message });
        this.log.info({ organisation: unit.id, notifications: digest.items.length }, 'digest sent');
      } catch (error) {
        await releaseDigest(this.db, digest.organisationId, day);
        throw error;
      }
    }
  }
}
