/**
 * Liveness and readiness for load balancers and orchestrators. `/healthz`
 * says the process serves HTTP; `/readyz` says every store answers, and
 * names the ones that do not. Driver error texts (hosts, ports) go to the
 * log only.
 */
import { Router } from 'express';
import type { Logger } from '../logger.js';

/** What readiness needs from the stores: one ping answer per store. */
export interface StorePinger {
  ping(): Promise<Record<string, { ok: boolean; error?: string }>>;
}

/** A router serving `GET /healthz` and `GET /readyz`; a ping slower than `timeoutMS` counts as every store down. */
export function healthRouter(stores: StorePinger, logger: Logger, timeoutMS: number): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.status(200).json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    const answers = await pingWithin(stores, timeoutMS);
    const state = Object.fromEntries(Object.entries(answers).map(([store, answer]) => [store, answer.ok ? 'up' : 'down']));
    const unavailable = Object.keys(state).filter((store) => state[store] === 'down');
    res.setHeader('cache-control', 'no-store');
    if (unavailable.length === 0 && Object.keys(state).length > 0) {
      res.status(200).json({ status: 'ready', stores: state });
      return;
    }
    logger.warn({ requestId: res.locals.requestId, stores: answers }, 'not ready: some stores do not answer');
    res.status(503).json({ status: 'unavailable', stores: state, unavailable });
  });
  return router;
}

async function pingWithin(stores: StorePinger, timeoutMS: number): Promise<Record<string, { ok: boolean; error?: string }>> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`stores did not answer ping within ${timeoutMS} ms`)), timeoutMS);
  });
  try {
    return await Promise.race([stores.ping(), timeout]);
  } catch (error) {
    return { all: { ok: false, error: (error as Error).message } };
  } finally {
    clearTimeout(timer);
  }
}
