import { SingleBar, Presets } from 'cli-progress';

/**
 * Progress on stderr (stdout keeps the report): a bar on a terminal; in a log or CI, a plain line
 * at every tenth, so the output stays readable.
 */
export function progressReporter(label: string): {
  update(progress: { done: number; total: number }): void;
  stop(): void;
} {
  if (process.stderr.isTTY) {
    const bar = new SingleBar(
      { format: `${label} [{bar}] {value}/{total} ({percentage}%)`, stream: process.stderr, hideCursor: true },
      Presets.shades_classic,
    );
    let started = false;
    return {
      update({ done, total }) {
        if (!started) bar.start(total, 0);
        started = true;
        bar.setTotal(total);
        bar.update(done);
      },
      stop: () => (started ? bar.stop() : undefined),
    };
  }
  let reported = -1;
  return {
    update({ done, total }) {
      const tenth = total === 0 ? 10 : Math.floor((done * 10) / total);
      if (tenth === reported) return;
      reported = tenth;
      console.error(`${label}: ${done}/${total}`);
    },
    stop: () => undefined,
  };
}
