/**
 * Update documents as mongod applies them: operator updates (with the
 * positional `$`, `$[]` and `$[<id>]` forms), replacements, and pipeline
 * updates, always on a copy of the stored document.
 */
import type { Document } from 'bson';
import { CommandError } from '../errors.js';
import { isPlainObject, typeName } from './bson-types.js';
import { cloneDocument, sameBson } from './clone.js';
import { type ArrayFilterTests, compileArrayFilters, resolvePositional } from './update-positions.js';
import { runUpdatePipeline } from './update-pipeline.js';
import { type Container, CREATING_OPERATORS, KEEP, makeModifier, type Modifier, REMOVE } from './update-modifiers.js';
import { isTraversable } from './paths.js';

export interface UpdateOptions {
  arrayFilters?: Document[];
  isInsert?: boolean;
  /** The update's query, for the positional `$` operator (without it a `$` path fails as on mongod without a matching query). */
  query?: Document;
}

/** True when `update` is a replacement document (no $-operators); mixed => FailedToParse. */
export function isReplacement(update: Document | Document[]): boolean {
  if (Array.isArray(update)) return false;
  const keys = Object.keys(update);
  if (keys.length === 0) return true;
  const ops = keys.filter((k) => k.startsWith('$')).length;
  if (ops === 0) return true;
  if (ops !== keys.length) {
    const field = ops > 0 && keys[0]!.startsWith('$') ? keys.find((k) => !k.startsWith('$')) : keys.find((k) => k.startsWith('$'));
    throw new CommandError('FailedToParse', `Unknown modifier: ${field}. Expected a valid update modifier or pipeline-style update specified as an array`);
  }
  return false;
}

const DIGITS = /^\d+$/;

interface Target {
  op: string;
  path: string;
  parts: string[];
  modifier: Modifier;
  /** $rename: the destination path. */
  renameTo?: string[];
}

function validatePath(path: string, op: string): string[] {
  if (path === '') throw new CommandError('EmptyFieldName', 'An empty update path is not valid.');
  const parts = path.split('.');
  for (const p of parts) {
    if (p === '') throw new CommandError('EmptyFieldName', `The update path '${path}' contains an empty field name, which is not allowed.`);
    if (p.startsWith('$') && p !== '$' && !(p.startsWith('$[') && p.endsWith(']'))) {
      throw new CommandError('DollarPrefixedFieldName', `The dollar ($) prefixed field '${p}' in '${path}' is not valid for storage.`);
    }
  }
  if (op === '$rename' && parts.some((p) => p.startsWith('$'))) {
    throw new CommandError('BadValue', `The source field for $rename may not be dynamic: ${path}`);
  }
  return parts;
}

function prefixConflict(a: string, b: string): boolean {
  return a === b || b.startsWith(a + '.') || a.startsWith(b + '.');
}

function comparePaths(a: string[], b: string[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
  }
  return a.length - b.length;
}

function own(container: Container, key: string | number): unknown {
  if (Array.isArray(container)) return typeof key === 'number' && key < container.length ? container[key] : undefined;
  return Object.prototype.hasOwnProperty.call(container, key) ? container[key as string] : undefined;
}

function store(container: Container, key: string | number, value: unknown): void {
  if (Array.isArray(container)) {
    const i = key as number;
    while (container.length < i) container.push(null);
    container[i] = value;
  } else {
    container[key as string] = value;
  }
}

function describeElement(key: string | number, value: unknown): string {
  return `{${String(key)}: ${typeName(value)}}`;
}

class UpdateWalker {
  constructor(
    private readonly arrayFilters: ArrayFilterTests,
    private readonly path: string,
    private readonly modifier: Modifier,
    private readonly creating: boolean,
  ) {}

  visit(container: Container, parts: string[], i: number): void {
    const part = parts[i]!;
    const last = i === parts.length - 1;
    if (part.startsWith('$[')) {
      if (!Array.isArray(container)) {
        throw new CommandError('BadValue', `Cannot apply array updates to non-array element ${describeElement(parts[i - 1] ?? '', container)}`);
      }
      const indices = this.arrayIndices(part, container);
      for (const idx of indices) this.step(container, idx, parts, i, last);
      return;
    }
    let key: string | number = part;
    if (Array.isArray(container)) {
      if (!DIGITS.test(part)) {
        if (!this.creating) return;
        throw new CommandError('PathNotViable', `Cannot create field '${part}' in element {${parts[i - 1] ?? ''}: [...]}`);
      }
      key = Number(part);
    }
    this.step(container, key, parts, i, last);
  }

  private arrayIndices(part: string, arr: unknown[]): number[] {
    if (part === '$[]') return arr.map((_, i) => i);
    const id = part.slice(2, -1);
    const filter = this.arrayFilters.get(id);
    if (!filter) throw new CommandError('BadValue', `No array filter found for identifier '${id}' in path '${this.path}'`);
    filter.used = true;
    const out: number[] = [];
    for (let i = 0; i < arr.length; i++) if (filter.test(arr[i])) out.push(i);
    return out;
  }

  private step(container: Container, key: string | number, parts: string[], i: number, last: boolean): void {
    if (last) {
      this.leaf(container, key);
      return;
    }
    let child = own(container, key);
    if (child === undefined) {
      if (parts[i + 1]!.startsWith('$[')) {
        throw new CommandError('BadValue', `The path '${parts.slice(0, i + 1).join('.')}' must exist in the document in order to apply array updates.`);
      }
      if (!this.creating) return;
      child = {};
      store(container, key, child);
    } else if (!isTraversable(child) && !Array.isArray(child)) {
      if (!this.creating) return;
      throw new CommandError('PathNotViable', `Cannot create field '${parts[i + 1]}' in element ${describeElement(key, child)}`);
    }
    this.visit(child as Container, parts, i + 1);
  }

  private leaf(container: Container, key: string | number): void {
    const next = this.modifier(own(container, key), this.path);
    if (next === KEEP) return;
    if (next === REMOVE) {
      if (Array.isArray(container)) container[key as number] = null;
      else delete container[key as string];
      return;
    }
    store(container, key, next);
  }
}

function readPlain(doc: Document, parts: string[], path: string): unknown {
  let v: unknown = doc;
  for (const p of parts) {
    if (Array.isArray(v)) throw new CommandError('BadValue', `The source field cannot be an array element, '${path}' in doc has an array field`);
    if (!isTraversable(v)) return undefined;
    v = Object.prototype.hasOwnProperty.call(v, p) ? v[p] : undefined;
  }
  return v;
}

function parseOperators(update: Document, now: Date): Target[] {
  const targets: Target[] = [];
  for (const [op, fields] of Object.entries(update)) {
    if (!isPlainObject(fields)) {
      throw new CommandError('FailedToParse', `Modifiers operate on fields but we found type ${typeName(fields)} instead. For example: {$mod: {<field>: ...}} not {${op}: ...}`);
    }
    for (const [path, operand] of Object.entries(fields)) {
      const parts = validatePath(path, op);
      if (op === '$rename') {
        if (typeof operand !== 'string') throw new CommandError('BadValue', `The 'to' field for $rename must be a string: ${path}: ${String(operand)}`);
        const to = validatePath(operand, op);
        if (prefixConflict(path, operand)) {
          throw new CommandError('BadValue', `The source and target field for $rename must not be on the same path: ${path}: ${operand}`);
        }
        targets.push({ op, path, parts, modifier: () => REMOVE, renameTo: to });
        targets.push({ op: '$rename-to', path: operand, parts: to, modifier: () => KEEP });
        continue;
      }
      targets.push({ op, path, parts, modifier: makeModifier(op, operand, now) });
    }
  }
  for (let i = 0; i < targets.length; i++) {
    for (let j = i + 1; j < targets.length; j++) {
      if (prefixConflict(targets[i]!.path, targets[j]!.path)) {
        throw new CommandError('ConflictingUpdateOperators', `Updating the path '${targets[j]!.path}' would create a conflict at '${targets[i]!.path}'`);
      }
    }
  }
  return targets;
}

function applyOperators(doc: Document, update: Document, options: UpdateOptions): Document {
  const now = new Date();
  const targets = parseOperators(update, now).filter((t) => t.op !== '$rename-to');
  const arrayFilters = compileArrayFilters(options.arrayFilters);
  const next = cloneDocument(doc);
  const resolved = targets
    .filter((t) => t.op !== '$setOnInsert' || options.isInsert)
    .map((t) => ({ ...t, parts: resolvePositional(next, t.parts, options.query) }))
    .sort((a, b) => comparePaths(a.parts, b.parts));
  for (const t of resolved) {
    if (t.renameTo) {
      const value = readPlain(next, t.parts, t.path);
      if (value === undefined) continue;
      readPlain(next, t.renameTo, t.renameTo.join('.'));
      new UpdateWalker(arrayFilters, t.path, () => REMOVE, false).visit(next, t.parts, 0);
      new UpdateWalker(arrayFilters, t.renameTo.join('.'), () => value, true).visit(next, t.renameTo, 0);
      continue;
    }
    new UpdateWalker(arrayFilters, t.path, t.modifier, CREATING_OPERATORS.has(t.op)).visit(next, t.parts, 0);
  }
  for (const [id, f] of arrayFilters) {
    if (!f.used) throw new CommandError('FailedToParse', `The array filter for identifier '${id}' was not used in the update`);
  }
  return next;
}

function checkImmutableId(before: Document, after: Document, isInsert: boolean): void {
  if (isInsert || before._id === undefined) return;
  if (!sameBson(before._id, after._id)) {
    throw new CommandError('ImmutableField', "Performing an update on the path '_id' would modify the immutable field '_id'");
  }
}

function replace(doc: Document, replacement: Document): Document {
  for (const k of Object.keys(replacement)) {
    if (k.startsWith('$')) throw new CommandError('DollarPrefixedFieldName', `The dollar ($) prefixed field '${k}' is not valid for storage.`);
  }
  if (replacement._id !== undefined && doc._id !== undefined && !sameBson(replacement._id, doc._id)) {
    throw new CommandError('ImmutableField', "After applying the update, the (immutable) field '_id' was found to have been altered to _id");
  }
  const out: Document = doc._id !== undefined ? { _id: doc._id } : {};
  // The replacement's values are shared, not copied: a replacement applies to one document, which is encoded at once, and nothing changes a command's values afterwards.
  for (const [k, v] of Object.entries(replacement)) if (k !== '_id' || doc._id === undefined) out[k] = v;
  return out;
}

/**
 * Applies an update (operator document, replacement document, or
 * aggregation pipeline) to a copy of `doc`, never mutating it. `isInsert`
 * applies $setOnInsert; `query` resolves the positional `$`.
 */
export function applyUpdate(doc: Document, update: Document | Document[], options: UpdateOptions = {}): { doc: Document; modified: boolean } {
  let next: Document;
  if (Array.isArray(update)) {
    next = runUpdatePipeline(doc, update);
  } else if (isReplacement(update)) {
    next = replace(doc, update);
  } else {
    next = applyOperators(doc, update, options);
  }
  checkImmutableId(doc, next, options.isInsert ?? false);
  return { doc: next, modified: !sameBson(doc, next) };
}
