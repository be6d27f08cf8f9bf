/**
 * Stopping the gateway lets requests in flight finish and refuses new ones,
 * so a rolling restart behind a load balancer drops nothing it accepted.
 */
import { describe, expect, it } from 'vitest';
import { buildSchema } from 'graphql';
import { startTestGateway } from '../../helpers/gateway.js';

const schema = buildSchema('type Query { slow: String }');
schema.getQueryType()!.getFields().slow!.resolve = () => new Promise((resolve) => setTimeout(() => resolve('done'), 500));

describe('stop()', () => {
  it('finishes a request in flight, then refuses new connections', async () => {
    const gateway = await startTestGateway({ schema });
    try {
      const inFlight = gateway.graphql('{ slow }');
      await new Promise((resolve) => setTimeout(resolve, 100));
      const stopped = gateway.gateway.stop();
      const result = await inFlight;
      expect(result.status).toBe(200);
      expect(result.data).toEqual({ slow: 'done' });
      await stopped;
      await expect(fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ slow }"}' })).rejects.toThrow();
    } finally {
      await gateway.stop();
    }
  });
});
