/**
 * The load generator, run as its own process so that it does not share the
 * gateway's event loop: `node dist/bench/gateway/drive.js <plan.json>`.
 * It sends the plan's requests round-robin from a fixed number of
 * connections for a fixed time (optionally at a fixed overall rate), and
 * prints one JSON line: throughput, latency percentiles from every
 * response (and per group, when the plan's requests name one), and the
 * count of errors and non-2xx answers.
 */
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import { summarize } from '../lib/stats.js';
import { numbered, SEQUENCE } from './sequence.js';

/** One HTTP request of a plan. */
export interface PlannedRequest {
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
  /** The group whose latencies are also summarized on their own (the mixed load's reads, aggregations and pushes). */
  group?: string;
}

/** Latency percentiles of one group of requests. */
export interface GroupLatency {
  requests: number;
  p50: number;
  p95: number;
  p99: number;
}

/** What the driver is asked to do. */
export interface DrivePlan {
  origin: string;
  connections: number;
  durationSeconds: number;
  /** Requests per second over all connections; absent means as fast as answered. */
  rate?: number;
  /** Sent in turn, over and over. */
  requests: PlannedRequest[];
  /** The number the first send of a body holding SEQUENCE gets; each such send gets the next (runs over the same store must not overlap). */
  firstSequence?: number;
}

/** What the driver measured. */
export interface DriveResult {
  requests: number;
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  non2xx: number;
  /** Per group named in the plan: its requests' latencies. */
  groups?: Record<string, GroupLatency>;
}

/** What autocannon's client holds: the per-request context passed to `setupRequest`, still that of the answered request when its response is emitted. */
interface ClientWithContext {
  requestIterator?: { context?: { group?: string } };
}

async function drive(plan: DrivePlan): Promise<DriveResult> {
  let next = 0;
  let sequence = plan.firstSequence ?? 1;
  const latencies: number[] = [];
  const byGroup = new Map<string, number[]>();
  let non2xx = 0;
  // autocannon passes each connection's per-request context second (its typings omit it).
  const setupRequest = (_request: unknown, context?: { group?: string }) => {
    const request = plan.requests[next++ % plan.requests.length]!;
    if (context) context.group = request.group;
    const body = request.body?.includes(SEQUENCE) ? numbered(request.body, sequence++) : request.body;
    return { method: request.method, path: request.path, headers: request.headers, ...(body !== undefined ? { body } : {}) };
  };
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: plan.origin,
        connections: plan.connections,
        duration: plan.durationSeconds,
        timeout: 30,
        ...(plan.rate ? { overallRate: plan.rate } : {}),
        requests: [{ setupRequest }],
      },
      (error, result) => {
        if (error) return reject(error);
        const summary = latencies.length > 0 ? summarize(latencies) : { p50: 0, p95: 0, p99: 0 };
        resolve({
          requests: latencies.length,
          requestsPerSecond: latencies.length / result.duration,
          p50: summary.p50,
          p95: summary.p95,
          p99: summary.p99,
          errors: result.errors + result.timeouts,
          non2xx,
          ...(byGroup.size > 0
            ? { groups: Object.fromEntries([...byGroup].map(([group, values]) => {
                const { p50, p95, p99 } = summarize(values);
                return [group, { requests: values.length, p50, p95, p99 }];
              })) }
            : {}),
        });
      },
    );
    instance.on('response', (client: ClientWithContext, statusCode: number, _bytes: number, responseTime: number) => {
      latencies.push(responseTime);
      const group = client.requestIterator?.context?.group;
      if (group !== undefined) {
        const values = byGroup.get(group) ?? [];
        values.push(responseTime);
        byGroup.set(group, values);
      }
      // 304 is the answer a conditional GET wants.
      if (statusCode >= 300 && statusCode !== 304) non2xx++;
    });
  });
}

const plan = JSON.parse(readFileSync(process.argv[2] ?? '', 'utf8')) as DrivePlan;
drive(plan).then(
  (result) => process.stdout.write(`${JSON.stringify(result)}\n`),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
