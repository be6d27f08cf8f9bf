/** Validation of Relay paging arguments. */
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type PageArgs } from '../schema/page.args.js';
import { badUserInput } from './bad-user-input.js';

/** A validated page request: exactly one of `first` and `last`. */
export type PageSize = { first: number; last?: undefined } | { last: number; first?: undefined };

function checkSize(name: 'first' | 'last', value: number): number {
  if (value < 0) throw badUserInput(name, `\`${name}\` must be 0 or more, got ${value}.`, { limit: MAX_PAGE_SIZE, actual: value });
  if (value > MAX_PAGE_SIZE) {
    throw badUserInput(name, `\`${name}\` may be at most ${MAX_PAGE_SIZE}, got ${value}; page with \`after\`/\`before\` instead.`, { limit: MAX_PAGE_SIZE, actual: value });
  }
  return value;
}

/** The page size asked for; first and last together, negative or over the limit are BAD_USER_INPUT. */
export function pageSize(args: PageArgs): PageSize {
  if (args.first != null && args.last != null) throw badUserInput('last', 'Give either `first` or `last`, not both.');
  if (args.last != null) return { last: checkSize('last', args.last) };
  return { first: checkSize('first', args.first ?? DEFAULT_PAGE_SIZE) };
}
