import { seededRandom } from '../../datasources/demo/seeded-random.js';

// The demo data's generator, so the benchmark's data is as reproducible as the demo's.
export { seededRandom };

/** One element of `items`, chosen by `random`. */
export function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}
