import type { Logger } from 'pino';

/**
 * Runs the closers in order on SIGINT or SIGTERM (or when the parent process is gone), once, then exits: in-flight requests finish,
 * pools close, and a second signal forces the exit.
 */
export function stopOnSignals(log: Logger, ...closers: Array<() => Promise<void>>): void {
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) {
      log.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    stopping = true;
    log.info({ signal }, 'stopping');
    let code = 0;
    for (const close of closers) {
      try {
        await close();
      } catch (error) {
        code = 1;
        log.error({ err: error }, 'error while stopping');
      }
    }
    process.exit(code);
  };
  process.on('SIGINT', (signal) => void stop(signal));
  process.on('SIGTERM', (signal) => void stop(signal));
  // Started by `npm start`: if that runner dies, however abruptly, do not live on as an orphan.
  if (process.connected) process.on('disconnect', () => void stop('disconnect'));
}
