/**
 * Reads shared only by callers that all arrived before the read was sent: a caller joins the read
 * waiting to start, never one in flight, so that every answer was read after its caller arrived
 * (a client that saw its write acknowledged never gets a version from before it). With one read
 * of a key in flight, the callers arriving meanwhile wait for it to end and then share the next
 * one, as a group commit does: under load, one validation answers many requests.
 */
export class FreshReads<T> {
  private readonly waiting = new Map<string, Promise<T>>();
  private readonly inFlight = new Map<string, Promise<unknown>>();

  read(key: string, run: () => Promise<T>): Promise<T> {
    const joined = this.waiting.get(key);
    if (joined) return joined;
    const before = this.inFlight.get(key) ?? Promise.resolve();
    const next = before
      .catch(() => undefined)
      .then(() => {
        // Sent from here on: callers arriving now wait for the next read.
        this.waiting.delete(key);
        const sent = run();
        this.inFlight.set(key, sent);
        void sent
          .catch(() => undefined)
          .then(() => {
            if (this.inFlight.get(key) === sent) this.inFlight.delete(key);
          });
        return sent;
      });
    this.waiting.set(key, next);
    return next;
  }
}
