/** Helpers of the configuration tests: no configuration file, and the ConfigError a load throws. */
import { ConfigError } from '../../src/config.js';

/** A `readFile` for `loadConfig` with no file at all. */
export const noFile = (): string => {
  throw Object.assign(new Error('no such file'), { code: 'ENOENT' });
};

/** The ConfigError `run` throws; fails when it throws nothing or something else. */
export function configError(run: () => unknown): ConfigError {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}
