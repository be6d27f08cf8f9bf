/**
 * The analytics settings: each store's time limit and the cache of
 * aggregation answers (on by default, with bounds), from the environment
 * or the JSON file; a bad value stops the start with a ConfigError naming
 * the variable.
 */
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.js';
import { configError, noFile } from '../../helpers/config.js';

describe('analytics configuration', () => {
  it('has a 15 s time limit and the cache on by default', () => {
    expect(loadConfig({}, noFile).analytics).toEqual({ timeLimitMS: 15_000, cache: { ttlMs: 60_000, maxGroups: 100_000 } });
  });

  it('reads the time limit, the switch and the bounds from the environment', () => {
    expect(loadConfig({ ANALYTICS_TIME_LIMIT_MS: '2500', ANALYTICS_CACHE: 'off' }, noFile).analytics).toEqual({ timeLimitMS: 2500, cache: null });
    expect(loadConfig({ ANALYTICS_CACHE_TTL_MS: '1000', ANALYTICS_CACHE_MAX_GROUPS: '5000' }, noFile).analytics.cache).toEqual({ ttlMs: 1000, maxGroups: 5000 });
  });

  it('reads them from the JSON file, the environment winning', () => {
    const read = (file: string) => {
      if (file !== '/etc/gw/config.json') throw Object.assign(new Error('no such file'), { code: 'ENOENT' });
      return JSON.stringify({ analyticsTimeLimitMS: 9000, analyticsCache: false });
    };
    expect(loadConfig({ GATEWAY_CONFIG: '/etc/gw/config.json' }, read).analytics).toEqual({ timeLimitMS: 9000, cache: null });
    expect(loadConfig({ GATEWAY_CONFIG: '/etc/gw/config.json', ANALYTICS_CACHE: 'on' }, read).analytics.cache).not.toBeNull();
  });

  it.each([
    [{ ANALYTICS_TIME_LIMIT_MS: '0' }, 'ANALYTICS_TIME_LIMIT_MS', /integer from 1/],
    [{ ANALYTICS_TIME_LIMIT_MS: 'soon' }, 'ANALYTICS_TIME_LIMIT_MS', /integer/],
    [{ ANALYTICS_CACHE: 'maybe' }, 'ANALYTICS_CACHE', /on or off/],
    [{ ANALYTICS_CACHE_TTL_MS: '-1' }, 'ANALYTICS_CACHE_TTL_MS', /integer/],
    [{ ANALYTICS_CACHE_MAX_GROUPS: '3' }, 'ANALYTICS_CACHE_MAX_GROUPS', /integer from 4/],
  ])('refuses %j naming %s', (env, variable, message) => {
    const error = configError(() => loadConfig(env, noFile));
    expect(error.variable).toBe(variable);
    expect(error.message).toMatch(message);
  });
});
