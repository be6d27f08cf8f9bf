/**
 * Catalog cursors: an opaque base64url token holding the order it belongs
 * to and a position in it (sort value and record id). Because the order is
 * total across stores, that position is where every store resumes.
 */
import type { CatalogOrder, CatalogPosition } from '../datasources/catalog/catalog-query.js';
import { badUserInput } from './bad-user-input.js';

interface CursorBody {
  o: string;
  t: 'd' | 's';
  v: string;
  i: string;
}

function orderKey(order: CatalogOrder): string {
  return `${order.field}:${order.direction}`;
}

/** The cursor of `position` in `order`. */
export function encodeCatalogCursor(order: CatalogOrder, position: CatalogPosition): string {
  const body: CursorBody =
    position.value instanceof Date
      ? { o: orderKey(order), t: 'd', v: position.value.toISOString(), i: position.id }
      : { o: orderKey(order), t: 's', v: position.value, i: position.id };
  return Buffer.from(JSON.stringify(body), 'utf8').toString('base64url');
}

/** The position in a cursor; one that does not parse, or was made for another order, is BAD_USER_INPUT on `argumentName`. */
export function decodeCatalogCursor(cursor: string, order: CatalogOrder, argumentName: string): CatalogPosition {
  let body: Partial<CursorBody> | null = null;
  try {
    if (/^[A-Za-z0-9_-]+$/u.test(cursor)) body = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Partial<CursorBody>;
  } catch {
    body = null;
  }
  if (!body || typeof body !== 'object' || typeof body.v !== 'string' || typeof body.i !== 'string' || (body.t !== 'd' && body.t !== 's')) {
    throw badUserInput(argumentName, `\`${argumentName}\` is not a cursor of this list; use a \`cursor\` or \`pageInfo\` cursor from a previous page.`);
  }
  if (body.o !== orderKey(order)) {
    throw badUserInput(argumentName, `\`${argumentName}\` was made for another \`orderBy\`; page with the order the cursor came from.`);
  }
  if (body.t === 'd') {
    const date = new Date(body.v);
    if (Number.isNaN(date.getTime())) throw badUserInput(argumentName, `\`${argumentName}\` is not a cursor of this list.`);
    return { value: date, id: body.i };
  }
  return { value: body.v, id: body.i };
}
