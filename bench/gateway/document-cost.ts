/**
 * What Apollo's document cache saves per request: the time to parse and
 * validate each scenario's operation against the gateway's schema, which
 * Apollo Server does once per distinct operation text (its `documentStore`,
 * an in-memory LRU keyed by the text's SHA-256, on by default) instead of on
 * every request.
 */
import 'reflect-metadata';
import { parse, validate } from 'graphql';
import { buildGatewaySchema } from '../../schema/build-schema.js';
import { ANALYTICS_QUERY, CATALOG_PAGE_QUERY, ITEM_QUERY, SEARCH_QUERY } from './scenarios.js';

/** Mean milliseconds to parse and validate each scenario's operation, measured over `rounds` after a warm-up. */
export async function parseAndValidateCost(rounds = 200): Promise<Record<string, number>> {
  const schema = await buildGatewaySchema();
  const operations = { catalog: CATALOG_PAGE_QUERY, item: ITEM_QUERY, search: SEARCH_QUERY, analytics: ANALYTICS_QUERY };
  const cost: Record<string, number> = {};
  for (const [name, text] of Object.entries(operations)) {
    for (let i = 0; i < 20; i++) validate(schema, parse(text));
    const start = process.hrtime.bigint();
    for (let i = 0; i < rounds; i++) {
      const errors = validate(schema, parse(text));
      if (errors.length > 0) throw new Error(`${name} does not validate: ${errors[0]!.message}`);
    }
    cost[name] = Number(process.hrtime.bigint() - start) / 1e6 / rounds;
  }
  return cost;
}
