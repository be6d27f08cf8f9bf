/**
 * The response cache in front of a running gateway, for the benchmark: an
 * HTTP server that parses the JSON body as the gateway's express does, asks
 * the cache, and forwards misses to the gateway over kept-alive
 * connections. A miss pays one extra local hop; a hit never reaches the
 * gateway. The cache is the one `src/http/response-cache.ts` exports, fed
 * by the same change feed the gateway's writers announce on.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ChangeSource } from '../../src/http/response-cache.js';
import { createResponseCache } from '../../src/http/response-cache.js';

/** Starts the front on a free port; `inner` is the gateway's GraphQL URL. */
export async function startCachingFront(inner: string, changes: ChangeSource): Promise<{ url: string; close(): Promise<void> }> {
  const cache = createResponseCache({ changes });
  const target = new URL(inner);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      let body: unknown;
      try {
        body = raw.length > 0 ? (JSON.parse(raw.toString('utf8')) as unknown) : undefined;
      } catch {
        body = undefined;
      }
      cache.middleware(Object.assign(req, { body }), res, () => {
        const forward = http.request(
          { host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers, agent },
          (answer) => {
            res.statusCode = answer.statusCode ?? 502;
            for (const [name, value] of Object.entries(answer.headers)) if (value !== undefined && name !== 'connection' && name !== 'keep-alive') res.setHeader(name, value);
            const parts: Buffer[] = [];
            answer.on('data', (part: Buffer) => parts.push(part));
            answer.on('end', () => res.end(Buffer.concat(parts)));
          },
        );
        forward.on('error', () => {
          res.statusCode = 502;
          res.end();
        });
        forward.end(raw);
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${target.pathname}`,
    close: () => new Promise((resolve) => server.close(() => { cache.close(); agent.destroy(); resolve(); })),
  };
}
