/** Cursors of the newest-first lists (submissions, ledger): the time and id of an item, opaque. */
import type { TimePosition } from '../datasources/ledger/newest-first.js';
import { badUserInput } from './bad-user-input.js';

/** The cursor of the item at `position`. */
export function encodeTimeCursor(position: TimePosition): string {
  return Buffer.from(JSON.stringify(['t', position.at.toISOString(), position.id]), 'utf8').toString('base64url');
}

/** The position inside a cursor; anything else is BAD_USER_INPUT on `argumentName`. */
export function decodeTimeCursor(cursor: string, argumentName: string): TimePosition {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed[0] === 't' && typeof parsed[1] === 'string' && typeof parsed[2] === 'string') {
      const at = new Date(parsed[1]);
      if (!Number.isNaN(at.getTime())) return { at, id: parsed[2] };
    }
  } catch {
    // Falls through to the error below.
  }
  throw badUserInput(argumentName, `\`${argumentName}\` is not a cursor of this list.`);
}
