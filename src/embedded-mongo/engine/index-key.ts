import { compareValues } from '../query/index.js';
import type { KeyField } from './index-spec.js';

/**
 * A key in an index tree: the indexed values of one document (one tuple per
 * multikey expansion) and the document's record key. A search bound carries
 * `b` instead of a record key and may give only a prefix of the values:
 * `b: -1` sorts before, `b: 1` after, every entry sharing that prefix.
 */
export interface IndexKey {
  v: unknown[];
  id: string;
  b?: -1 | 1;
}

/** Code units where UTF-16 order and UTF-8 byte order (mongod's) may disagree. */
const NON_BMP_ORDER = /[\uD800-\uFFFF]/;

/** compareValues with native fast paths for the common key types (numbers, strings without surrogates or U+E000+). */
function compareKeyValues(x: unknown, y: unknown): number {
  if (x === y) return 0;
  const tx = typeof x;
  if (tx === typeof y) {
    if (tx === 'string' && !NON_BMP_ORDER.test(x as string) && !NON_BMP_ORDER.test(y as string)) return (x as string) < (y as string) ? -1 : 1;
    if (tx === 'number' && (x as number) === (x as number) && (y as number) === (y as number)) {
      // Equal non-NaN numbers took the first branch except 0 and -0, which mongod orders as equal.
      return (x as number) < (y as number) ? -1 : (x as number) > (y as number) ? 1 : 0;
    }
  }
  return compareValues(x, y);
}

/** Orders index keys by each field's value in its direction, then by record key; bounds as described on IndexKey. */
export function indexKeyComparator(fields: readonly KeyField[]): (a: IndexKey, b: IndexKey) => number {
  const dirs = fields.map((f) => f.direction);
  const n = dirs.length;
  return (a, b) => {
    const av = a.v;
    const bv = b.v;
    for (let i = 0; i < n; i++) {
      if (i >= av.length || i >= bv.length) {
        if (av.length === bv.length) break;
        return i >= av.length ? (a.b ?? -1) : -(b.b ?? -1);
      }
      const c = compareKeyValues(av[i], bv[i]);
      if (c !== 0) return c < 0 ? -dirs[i]! : dirs[i]!;
    }
    if (a.b !== undefined || b.b !== undefined) {
      const d = (a.b ?? 0) - (b.b ?? 0);
      return d < 0 ? -1 : d > 0 ? 1 : 0;
    }
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  };
}
