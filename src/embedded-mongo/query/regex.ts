/**
 * Translating MongoDB (PCRE) regular expressions into JS RegExp objects that
 * are safe to reuse: never global or sticky, so `test` keeps no state.
 */
import { CommandError } from '../errors.js';

/** Drops unescaped whitespace and `#` comments outside character classes (PCRE's `x` option). */
function stripExtended(pattern: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\') {
      out += c + (pattern[i + 1] ?? '');
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      out += c;
      continue;
    }
    if (c === '[') {
      inClass = true;
      out += c;
      continue;
    }
    if (/\s/.test(c)) continue;
    if (c === '#') {
      while (i < pattern.length && pattern[i] !== '\n') i++;
      continue;
    }
    out += c;
  }
  return out;
}

/** Builds a RegExp from a pattern and mongod options (`i`, `m`, `s`, `x`, `u`); throws BadValue on bad input. */
export function makeRegExp(pattern: string, options: string): RegExp {
  let flags = '';
  let source = pattern;
  for (const o of options) {
    if (o === 'i' || o === 'm' || o === 's' || o === 'u') {
      if (!flags.includes(o)) flags += o;
    } else if (o === 'x') {
      source = stripExtended(source);
    } else if (o !== 'l') {
      throw new CommandError('BadValue', `invalid flag in regex options: ${o}`);
    }
  }
  try {
    return new RegExp(source, flags);
  } catch (e) {
    throw new CommandError('BadValue', `Regular expression is invalid: ${(e as Error).message}`);
  }
}

/** A stateless RegExp equivalent to a RegExp or BSONRegExp value. */
export function toRegExp(value: unknown, extraOptions = ''): RegExp {
  if (value instanceof RegExp) {
    const flags = value.flags.replace(/[gy]/g, '');
    if (extraOptions === '' && flags === value.flags) return value;
    return makeRegExp(value.source, flags + extraOptions);
  }
  const r = value as { pattern: string; options: string };
  return makeRegExp(r.pattern, r.options + extraOptions);
}

/** True for a RegExp or BSONRegExp value. */
export function isRegexValue(v: unknown): boolean {
  return v instanceof RegExp || (typeof v === 'object' && v !== null && (v as { _bsontype?: unknown })._bsontype === 'BSONRegExp');
}
