// A module binding, not the global: under Jest's vm sandbox a global lookup goes through an
// interceptor and costs fifty times more (the PRNG alone would take most of the time).
const { floor } = Math;

/** Draws from one seeded PRNG stream (`mulberry32`): the generator's only source of chance. */
export class Dice {
  constructor(readonly next: () => number) {}

  /** An integer from `low` to `high`, both included. */
  int(low: number, high: number): number {
    return low + floor(this.next() * (high - low + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[floor(this.next() * items.length)]!;
  }

  weighted<T>(choices: ReadonlyArray<readonly [T, number]>): T {
    let roll = this.next();
    for (const [value, weight] of choices) {
      roll -= weight;
      if (roll < 0) return value;
    }
    return choices[choices.length - 1]![0];
  }
}
