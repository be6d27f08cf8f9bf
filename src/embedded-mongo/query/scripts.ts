/**
 * The guard that keeps JavaScript out: `$where`, `$function` and
 * `$accumulator` are refused wherever they appear in a specification.
 */
import { CommandError } from '../errors.js';

const SCRIPT_OPERATORS = new Set(['$where', '$function', '$accumulator']);

/** Throws BadValue when a specification mentions a JavaScript operator at any depth. */
export function refuseScripts(value: unknown): void {
  if (Array.isArray(value)) {
    for (const v of value) refuseScripts(v);
  } else if (typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype) {
    for (const [k, v] of Object.entries(value)) {
      if (SCRIPT_OPERATORS.has(k)) throw new CommandError('BadValue', `${k} is not allowed: this server does not run JavaScript`);
      refuseScripts(v);
    }
  }
}
