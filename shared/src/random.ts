// A local binding: under Jest, every lookup of a global such as Math is far slower.
const imul = Math.imul;

/**
 * Mulberry32: a small, fast, seeded PRNG, uniform in [0, 1). Generated data (demo, benchmarks,
 * randomised tests) must be the same on every machine and every run.
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = imul(t ^ (t >>> 15), t | 1);
    t ^= t + imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
