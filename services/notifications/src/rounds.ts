import type { Logger } from 'pino';

/** Runs `work` every `everyMs`, one round at a time; a failed round is logged and the next one runs. */
export class Rounds {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly what: string,
    private readonly work: () => Promise<void>,
    private readonly everyMs: number,
    private readonly log: Logger,
  ) {}

  start(): void {
    this.timer = setInterval(() => {
      this.running = this.running.then(() =>
        this.work().catch((error: unknown) => this.log.warn({ err: error }, `${this.what} round failed`)),
      );
    }, this.everyMs);
  }

  /** No new round; the one running, if any, finishes. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }
}
