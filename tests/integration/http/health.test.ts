/**
 * Liveness and readiness with one embedded server per store, so one store
 * can be stopped while the gateway keeps running.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../../helpers/gateway.js';

let gateway: TestGateway;

beforeAll(async () => {
  gateway = await startTestGateway({ separateStores: true, timeoutMS: 500 });
});

afterAll(async () => {
  await gateway?.stop();
});

describe('/healthz and /readyz', () => {
  it('/healthz says the process is up', async () => {
    const response = await gateway.fetch('/healthz');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('/readyz is 200 while every store answers', async () => {
    const response = await gateway.fetch('/readyz');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      status: 'ready',
      stores: { finance: 'up', procurement: 'up', personnel: 'up', office: 'up' },
    });
  });

  it('/readyz is 503 naming the store that does not answer, while /healthz stays 200', async () => {
    await gateway.servers.procurement!.stop();
    const started = Date.now();
    const response = await gateway.fetch('/readyz');
    expect(response.status).toBe(503);
    const body = (await response.json()) as { status: string; stores: Record<string, string>; unavailable: string[] };
    expect(body.status).toBe('unavailable');
    expect(body.unavailable).toEqual(['procurement']);
    expect(body.stores).toEqual({ finance: 'up', procurement: 'down', personnel: 'up', office: 'up' });
    // The store's timeout bounds the wait, so a load balancer's probe does not hang.
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(JSON.stringify(body)).not.toMatch(/127\.0\.0\.1|ECONNREFUSED/);
    expect((await gateway.fetch('/healthz')).status).toBe(200);
    expect(gateway.logs().some((record) => record.msg === 'not ready: some stores do not answer')).toBe(true);
  });
});
