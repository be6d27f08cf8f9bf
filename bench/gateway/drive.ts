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
  /** The group whose latencies are also summarized on their own (the mixed load's item pages, catalog pages, searches, aggregations and pushes). */
  group?: string;
}

/** Latency percentiles of one group of requests, and how many of its requests got no answer in time. */
export interface GroupLatency {
  requests: number;
  p50: number;
  p95: number;
  p99: number;
  timeouts?: number;
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
  /** Seconds a request may wait for its answer before it counts as an error and its connection is replaced (default 30). */
  timeoutSeconds?: number;
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
  /** The first requests that got no answer within the timeout (method, path and the start of the body), to tell which ones hang. */
  timedOut?: string[];
}

/** What a request's autocannon context carries: its group and its place in the plan. */
interface RequestContext {
  group?: string;
  planIndex?: number;
}

/**
 * What autocannon's client holds: the per-request context passed to
 * `setupRequest`, still that of the answered request when its response is
 * emitted, and the method that drops the connection, which it calls first
 * on a timeout, before it moves on to the next request.
 */
interface ClientWithContext {
  requestIterator?: { context?: RequestContext };
  _destroyConnection?: () => void;
  on(event: 'timeout', listener: () => void): void;
}

const TIMEOUT_SECONDS = 30;
/** How many timed-out requests are described in the result. */
const TIMED_OUT_SHOWN = 20;

async function drive(plan: DrivePlan): Promise<DriveResult> {
  let next = 0;
  let sequence = plan.firstSequence ?? 1;
  const latencies: number[] = [];
  const byGroup = new Map<string, number[]>();
  let non2xx = 0;
  const timeoutsByGroup = new Map<string, number>();
  const timedOut: string[] = [];
  // autocannon passes each connection's per-request context second (its typings omit it).
  const setupRequest = (_request: unknown, context?: RequestContext) => {
    const planIndex = next++ % plan.requests.length;
    const request = plan.requests[planIndex]!;
    if (context) {
      context.group = request.group;
      context.planIndex = planIndex;
    }
    const body = request.body?.includes(SEQUENCE) ? numbered(request.body, sequence++) : request.body;
    return { method: request.method, path: request.path, headers: request.headers, ...(body !== undefined ? { body } : {}) };
  };
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: plan.origin,
        connections: plan.connections,
        duration: plan.durationSeconds,
        timeout: plan.timeoutSeconds ?? TIMEOUT_SECONDS,
        ...(plan.rate ? { overallRate: plan.rate } : {}),
        requests: [{ setupRequest }],
        setupClient: (client: ClientWithContext) => {
          // On a timeout autocannon drops the connection first, then sends the next request, then reports: the context is the timed-out request's only at the drop.
          let dropped: RequestContext | undefined;
          const destroyConnection = client._destroyConnection;
          if (destroyConnection) {
            client._destroyConnection = function (this: ClientWithContext) {
              dropped = this.requestIterator?.context;
              destroyConnection.call(this);
            };
          }
          client.on('timeout', () => {
            const group = dropped?.group ?? '';
            timeoutsByGroup.set(group, (timeoutsByGroup.get(group) ?? 0) + 1);
            const request = dropped?.planIndex === undefined ? undefined : plan.requests[dropped.planIndex];
            if (request && timedOut.length < TIMED_OUT_SHOWN) timedOut.push(`${request.method} ${request.path} ${(request.body ?? '').slice(0, 160)}`);
          });
        },
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
          ...(byGroup.size + timeoutsByGroup.size > 0
            ? { groups: Object.fromEntries([...new Set([...byGroup.keys(), ...timeoutsByGroup.keys()])].map((group) => {
                const values = byGroup.get(group) ?? [];
                const { p50, p95, p99 } = values.length > 0 ? summarize(values) : { p50: 0, p95: 0, p99: 0 };
                const timeouts = timeoutsByGroup.get(group);
                return [group, { requests: values.length, p50, p95, p99, ...(timeouts ? { timeouts } : {}) }];
              })) }
            : {}),
          ...(timedOut.length > 0 ? { timedOut } : {}),
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
