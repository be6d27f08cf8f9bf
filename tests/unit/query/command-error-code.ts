import { CommandError } from '../../../src/embedded-mongo/errors.js';

/** The `codeName` of the CommandError `fn` throws, undefined when it throws nothing, and a telling string for any other throw. */
export function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return e instanceof CommandError ? e.codeName : `not a CommandError: ${String(e)}`;
  }
  return undefined;
}
