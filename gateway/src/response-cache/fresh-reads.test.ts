import { FreshReads } from './fresh-reads';

/** A read that ends when told to, counting how many were sent. */
function controlledReads() {
  const ends: Array<(value: number) => void> = [];
  let sent = 0;
  const run = () => {
    sent++;
    return new Promise<number>((end) => ends.push(end));
  };
  const endRead = async (index: number, value: number) => {
    // Lets the chained promises reach the read before it is ended.
    for (let turn = 0; turn < 5 && !ends[index]; turn++) await Promise.resolve();
    ends[index]!(value);
  };
  return { run, endRead, sent: () => sent };
}

describe('FreshReads', () => {
  it('shares one read among the callers that arrive before it is sent', async () => {
    const reads = new FreshReads<number>();
    const { run, endRead, sent } = controlledReads();
    const [a, b] = [reads.read('k', run), reads.read('k', run)];
    await endRead(0, 1);
    expect(await Promise.all([a, b])).toEqual([1, 1]);
    expect(sent()).toBe(1);
  });

  it('never gives a caller a read sent before it arrived: it waits and shares the next one', async () => {
    const reads = new FreshReads<number>();
    const { run, endRead, sent } = controlledReads();
    const first = reads.read('k', run);
    await Promise.resolve();
    await Promise.resolve();
    expect(sent()).toBe(1);
    const [late, later] = [reads.read('k', run), reads.read('k', run)];
    await endRead(0, 1);
    expect(await first).toBe(1);
    await endRead(1, 2);
    expect(await Promise.all([late, later])).toEqual([2, 2]);
    expect(sent()).toBe(2);
  });

  it('keeps keys apart, and a failed read fails only its own callers', async () => {
    const reads = new FreshReads<number>();
    const failing = reads.read('a', () => Promise.reject(new Error('down')));
    const other = reads.read('b', () => Promise.resolve(3));
    await expect(failing).rejects.toThrow('down');
    expect(await other).toBe(3);
    expect(await reads.read('a', () => Promise.resolve(4))).toBe(4);
  });
});
