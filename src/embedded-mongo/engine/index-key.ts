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
      const c = compareValues(av[i], bv[i]);
      if (c !== 0) return c < 0 ? -dirs[i]! : dirs[i]!;
    }
    if (a.b !== undefined || b.b !== undefined) {
      const d = (a.b ?? 0) - (b.b ?? 0);
      return d < 0 ? -1 : d > 0 ? 1 : 0;
    }
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  };
}
