/**
 * Field differences between two versions of a record's content, as the
 * ledger shows them: one change per leaf path (`items[1].amount`) whose value
 * differs, was added or was removed. Money (Decimal128) compares and shows as
 * its decimal string.
 */
import { Decimal128, type Document } from 'mongodb';

/** One changed field: its path and its value before and after (null when absent). */
export interface FieldChange {
  path: string;
  before: string | null;
  after: string | null;
}

/** A value as the API shows stored content: Decimal128 → decimal string, dates → ISO strings, everything else as it is. */
export function plainContent(value: unknown): unknown {
  if (value instanceof Decimal128) return value.toString();
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(plainContent);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plainContent(v)]));
  return value;
}

function leaves(value: unknown, path: string, into: Map<string, string>): void {
  if (Array.isArray(value)) {
    value.forEach((v, i) => leaves(v, `${path}[${i}]`, into));
    if (value.length === 0) into.set(path, '[]');
  } else if (value !== null && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) leaves(v, path ? `${path}.${key}` : key, into);
  } else if (value !== null && value !== undefined) {
    into.set(path, String(value));
  }
}

/** The changes from `before` (null: nothing before) to `after`, in path order. */
export function contentChanges(before: Document | null, after: Document | null): FieldChange[] {
  const a = new Map<string, string>();
  const b = new Map<string, string>();
  if (before) leaves(plainContent(before), '', a);
  if (after) leaves(plainContent(after), '', b);
  const paths = [...new Set([...a.keys(), ...b.keys()])].sort();
  return paths.filter((p) => a.get(p) !== b.get(p)).map((path) => ({ path, before: a.get(path) ?? null, after: b.get(path) ?? null }));
}
