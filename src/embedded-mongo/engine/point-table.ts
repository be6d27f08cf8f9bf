import { keyString } from '../query/index.js';

type Held = string | Set<string>;

/**
 * Full index key tuple → record key(s), by hash: equality lookups and unique
 * checks without a tree descent. A single string value is its own map key
 * (sharing the string the index entry already holds); every other tuple is
 * keyed by its canonical key string, in a separate map so the two kinds of
 * keys never collide.
 */
export class PointTable {
  private readonly strings = new Map<string, Held>();
  private readonly others = new Map<string, Held>();

  private slot(tuple: readonly unknown[]): [Map<string, Held>, string] {
    if (tuple.length === 1) {
      const v = tuple[0];
      return typeof v === 'string' ? [this.strings, v] : [this.others, keyString(v)];
    }
    // Length-prefixed parts: unambiguous whatever characters the key strings hold.
    let k = '';
    for (const v of tuple) {
      const part = keyString(v);
      k += `${part.length}:${part}`;
    }
    return [this.others, k];
  }

  /** Record keys holding exactly `tuple`, as a fresh array (safe to iterate while the table changes). */
  get(tuple: readonly unknown[]): string[] {
    const [map, k] = this.slot(tuple);
    const held = map.get(k);
    if (held === undefined) return [];
    return typeof held === 'string' ? [held] : [...held];
  }

  /** How many records hold exactly `tuple`, without copying them. */
  count(tuple: readonly unknown[]): number {
    const [map, k] = this.slot(tuple);
    const held = map.get(k);
    if (held === undefined) return 0;
    return typeof held === 'string' ? 1 : held.size;
  }

  /** True when record `id` holds `tuple`. */
  has(tuple: readonly unknown[], id: string): boolean {
    const [map, k] = this.slot(tuple);
    const held = map.get(k);
    if (held === undefined) return false;
    return typeof held === 'string' ? held === id : held.has(id);
  }

  /** True when a record other than `id` holds `tuple`. */
  heldByOther(tuple: readonly unknown[], id: string): boolean {
    const [map, k] = this.slot(tuple);
    const held = map.get(k);
    if (held === undefined) return false;
    return typeof held === 'string' ? held !== id : held.size > 1 || !held.has(id);
  }

  add(tuple: readonly unknown[], id: string): void {
    const [map, k] = this.slot(tuple);
    const held = map.get(k);
    if (held === undefined) map.set(k, id);
    else if (typeof held === 'string') {
      if (held !== id) map.set(k, new Set([held, id]));
    } else held.add(id);
  }

  remove(tuple: readonly unknown[], id: string): void {
    const [map, k] = this.slot(tuple);
    const held = map.get(k);
    if (held === id) map.delete(k);
    else if (typeof held === 'object') {
      held.delete(id);
      if (held.size === 1) map.set(k, held.values().next().value!);
    }
  }

  clear(): void {
    this.strings.clear();
    this.others.clear();
  }
}
