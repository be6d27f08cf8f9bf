/**
 * One HTTP request of the harness (answer checks, round-trip counts, the
 * ETag of a first answer) on a connection of its own. fetch would reuse a
 * kept-alive socket that the server may be closing after the seconds of
 * load in between, and fail with a bare "fetch failed".
 */
import http from 'node:http';
import type { PlannedRequest } from './drive.js';

export interface OneAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

/** Sends `request` to `origin` on a new connection and reads the whole answer. */
export function sendOne(origin: string, request: Pick<PlannedRequest, 'method' | 'path' | 'headers' | 'body'>): Promise<OneAnswer> {
  return new Promise((resolve, reject) => {
    const outgoing = http.request(new URL(request.path, origin), { method: request.method, headers: request.headers, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, text: Buffer.concat(chunks).toString('utf8') }));
      response.on('error', reject);
    });
    outgoing.on('error', reject);
    outgoing.end(request.body);
  });
}
